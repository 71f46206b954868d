package io.kisflow.flowtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Compares the rows of a level with the expected ones as JSON values: numbers by value (84 equals
 * 84.0, as a JSON file cannot say which a run produced), ignored fields removed from both sides
 * first. A path is {@code $.a.b} or {@code a.b}; through an array it applies to every element.
 */
final class RowComparison {
    /** Not the case files' mapper: that one sorts map keys, and a row is shown with its keys in the order it has them. */
    private static final ObjectMapper ROWS = new ObjectMapper();
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final List<List<String>> ignored = new ArrayList<>();
    private final boolean ordered;

    RowComparison(List<String> ignore, boolean ordered) {
        for (String path : ignore) {
            String p = path.startsWith("$.") ? path.substring(2) : path;
            ignored.add(Arrays.asList(p.split("\\.")));
        }
        this.ordered = ordered;
    }

    /** The difference, or null when the rows are the expected ones. */
    LevelDiff compare(String level, List<?> expectedRows, List<?> actualRows) {
        if (ignored.isEmpty() && sameRows(expectedRows, actualRows)) {
            return null;   // the common case, a passing level: no JSON tree made of the expected rows
        }
        List<JsonNode> expected = normalize(expectedRows);
        List<JsonNode> actual = normalize(actualRows);
        List<LevelDiff.RowPair> pairs = ordered ? byPosition(expected, actual) : byMatching(expected, actual);
        return pairs.isEmpty() ? null : new LevelDiff(level, expected.size(), actual.size(), pairs);
    }

    /**
     * Each row equal to the row at the same position ({@link SameValue}); an actual row that is not
     * a plain value (a record, a POJO) is compared as the JSON tree it writes as. False also when it
     * cannot tell: the full comparison decides then (unordered rows in another order, for one).
     */
    private static boolean sameRows(List<?> expected, List<?> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            Object a = actual.get(i);
            if (!SameValue.equal(expected.get(i), plain(a) ? a : ROWS.valueToTree(a))) {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(Object row) {
        return row == null || row instanceof String || row instanceof Number || row instanceof Boolean
                || row instanceof java.util.Map<?, ?> || row instanceof List<?>;
    }

    private static List<LevelDiff.RowPair> byPosition(List<JsonNode> expected, List<JsonNode> actual) {
        List<LevelDiff.RowPair> pairs = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            JsonNode e = i < expected.size() ? expected.get(i) : null;
            JsonNode a = i < actual.size() ? actual.get(i) : null;
            if (e == null || a == null || !e.equals(BY_VALUE, a)) {
                pairs.add(new LevelDiff.RowPair(i + 1, e, a));
            }
        }
        return pairs;
    }

    /** Each expected row takes the first equal actual row not yet taken; what is left on each side differs. */
    private static List<LevelDiff.RowPair> byMatching(List<JsonNode> expected, List<JsonNode> actual) {
        boolean[] taken = new boolean[actual.size()];
        List<JsonNode> missing = new ArrayList<>();
        for (JsonNode e : expected) {
            int found = -1;
            for (int i = 0; i < actual.size() && found < 0; i++) {
                if (!taken[i] && e.equals(BY_VALUE, actual.get(i))) {
                    found = i;
                }
            }
            if (found < 0) {
                missing.add(e);
            } else {
                taken[found] = true;
            }
        }
        List<JsonNode> extra = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            if (!taken[i]) {
                extra.add(actual.get(i));
            }
        }
        List<LevelDiff.RowPair> pairs = new ArrayList<>();
        for (int i = 0; i < Math.max(missing.size(), extra.size()); i++) {
            pairs.add(new LevelDiff.RowPair(0, i < missing.size() ? missing.get(i) : null, i < extra.size() ? extra.get(i) : null));
        }
        return pairs;
    }

    private List<JsonNode> normalize(List<?> rows) {
        List<JsonNode> nodes = new ArrayList<>(rows.size());
        for (Object row : rows) {
            JsonNode node = ROWS.valueToTree(row);
            for (List<String> path : ignored) {
                remove(node, path, 0);
            }
            nodes.add(node);
        }
        return nodes;
    }

    private static void remove(JsonNode node, List<String> path, int at) {
        if (node instanceof ArrayNode array) {
            array.forEach(element -> remove(element, path, at));
        } else if (node instanceof ObjectNode object) {
            if (at == path.size() - 1) {
                object.remove(path.get(at));
            } else if (object.has(path.get(at))) {
                remove(object.get(path.get(at)), path, at + 1);
            }
        }
    }
}
