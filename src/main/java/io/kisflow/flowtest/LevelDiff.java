package io.kisflow.flowtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * How the rows of one level differ from those a case expects: the counts, and the differing rows
 * as pairs (either side null where a row is missing). With ordered rows a pair shares its position
 * ({@code index}, from 1); unordered, pairs are the rows left unmatched on each side ({@code index} 0).
 */
public record LevelDiff(String level, int expectedCount, int actualCount, List<RowPair> rows) {
    public record RowPair(int index, JsonNode expected, JsonNode actual) {
    }
}
