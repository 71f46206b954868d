package io.kisflow.designer.debug.data;

import java.util.Map;

/**
 * One line of JSON for a flat map (string keys; string, number, boolean or null values), written by
 * hand: the common row shape, and the one the inspector's filter renders a million times. Gives the
 * same text as Jackson; returns null for any other map, which then goes through Jackson.
 */
final class FlatJson {
    private FlatJson() {
    }

    static String write(Map<?, ?> m) {
        StringBuilder sb = new StringBuilder(16 + m.size() * 24);
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                return null;
            }
            Object v = e.getValue();
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, key);
            sb.append(':');
            if (v == null) {
                sb.append("null");
            } else if (v instanceof String text) {
                string(sb, text);
            } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                    || v instanceof Boolean || v instanceof java.math.BigInteger) {
                sb.append(v);
            } else if (v instanceof Double d && Double.isFinite(d)) {
                sb.append(d.doubleValue());
            } else if (v instanceof Float f && Float.isFinite(f)) {
                sb.append(f.floatValue());
            } else {
                return null;
            }
        }
        return sb.append('}').toString();
    }

    /** A JSON string, escaped as Jackson does by default (quote, backslash, control characters). */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
