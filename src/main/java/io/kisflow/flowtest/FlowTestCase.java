package io.kisflow.flowtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * One flow test, as a {@code tests/NAME.json} file of a project holds it: the flow, its input rows,
 * the rows pinned for chosen functions (their code, and any connector they bind, is not run), and
 * what to expect: the rows of chosen levels (by level name: {@code FunctionIDFirstVirtual} or a
 * function), the actions chosen functions set (Go's spelling, {@code ActionDataReuse}), or an error
 * (a part of its message). {@code ignore} names row fields left out of the comparison ({@code $.ts},
 * {@code a.b}); {@code ordered} false compares the rows of a level as a multiset. Only {@code flow} is
 * required. JSON, not YAML, because Go's loader reads every .yml under the config directory.
 *
 * <pre>{@code FlowTestCase c = FlowTestFiles.read(Path.of("conf/tests/scores.json"));}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"flow", "description", "input", "pinned", "expect", "expectActions", "expectError", "ignore", "ordered"})
public record FlowTestCase(String flow, String description, List<Object> input, Map<String, List<Object>> pinned,
                           Map<String, List<Object>> expect, Map<String, List<String>> expectActions,
                           String expectError, List<String> ignore, Boolean ordered) {
    public List<Object> inputOrEmpty() {
        return input == null ? List.of() : input;
    }

    public Map<String, List<Object>> pinnedOrEmpty() {
        return pinned == null ? Map.of() : pinned;
    }

    public Map<String, List<Object>> expectOrEmpty() {
        return expect == null ? Map.of() : expect;
    }

    public Map<String, List<String>> expectActionsOrEmpty() {
        return expectActions == null ? Map.of() : expectActions;
    }

    public List<String> ignoreOrEmpty() {
        return ignore == null ? List.of() : ignore;
    }

    /** Row order matters unless the case says {@code "ordered": false}. */
    public boolean rowOrderMatters() {
        return ordered == null || ordered;
    }
}
