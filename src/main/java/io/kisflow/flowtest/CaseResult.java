package io.kisflow.flowtest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What running one case gave: passed, or the reasons it failed ({@code problems}: a wrong error,
 * wrong actions, a bad case file) and the levels whose rows differ ({@code diffs}). For a failed
 * case, {@code actual} holds the rows the run left in each level the case checks (by level name),
 * so that a view can show them whole beside the expected ones; empty for a passed one.
 */
public record CaseResult(String name, Path file, long durationNanos, List<String> problems, List<LevelDiff> diffs,
                         Map<String, List<Object>> actual) {
    public CaseResult {
        problems = List.copyOf(problems);
        diffs = List.copyOf(diffs);
        actual = actual == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(actual));
    }

    public CaseResult(String name, Path file, long durationNanos, List<String> problems, List<LevelDiff> diffs) {
        this(name, file, durationNanos, problems, diffs, Map.of());
    }

    public boolean passed() {
        return problems.isEmpty() && diffs.isEmpty();
    }

    public long millis() {
        return durationNanos / 1_000_000;
    }
}
