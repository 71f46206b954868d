package io.kisflow.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.fail;

/** Compares trace values as JSON: object key order ignored, numbers equal by value (Go's 2 is Java's 2.0). */
final class TraceAssert {
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private TraceAssert() {
    }

    static void assertSameJson(String what, JsonNode expected, JsonNode actual) {
        JsonNode e = expected == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : expected;
        JsonNode a = actual == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : actual;
        if (!e.equals(NUMBERS_BY_VALUE, a)) {
            fail(what + " differs from the Go trace\n  Go:   " + e + "\n  Java: " + a);
        }
    }
}
