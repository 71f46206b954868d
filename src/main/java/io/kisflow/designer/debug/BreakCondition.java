package io.kisflow.designer.debug;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisflow.designer.debug.data.RowJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The condition of a conditional breakpoint, as the user types it: field comparisons joined by
 * {@code and}/{@code or}, with {@code not} and parentheses. A run pauses before the function when a
 * row of its input matches.
 *
 * <pre>{@code BreakCondition c = BreakCondition.parse("score >= 90 and (name contains \"Li\" or class == 3)");
 * c.matches(Map.of("score", 95, "name", "Li Lei"));   // true}</pre>
 *
 * Comparisons: {@code == != < <= > >= contains}. The left side is a field ({@code stu_id}, a nested
 * {@code address.city}, or {@code `a field`} in backquotes); {@code value} is the row itself when it is
 * not an object. The right side is a number, a quoted text ("..." or '...'), {@code true}, {@code false}
 * or {@code null}. Numbers compare by value (a text field holding a number too); texts by their
 * characters. A field the row lacks matches no comparison. {@code contains} looks for a text in a text,
 * an element in a list, a key in an object. A malformed condition throws {@link Invalid} naming the column.
 */
public final class BreakCondition {
    /** A condition that does not parse: the message says what was expected at which column (from 1). */
    public static final class Invalid extends IllegalArgumentException {
        private final int column;

        Invalid(int column, String what) {
            super("column " + column + ": " + what);
            this.column = column;
        }

        public int column() {
            return column;
        }
    }

    private interface Node {
        boolean test(JsonNode row);
    }

    private final String text;
    private final Node root;

    private BreakCondition(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** Parses a condition; throws {@link Invalid} with the column of the first mistake. */
    public static BreakCondition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Invalid(1, "the condition is empty: type a comparison such as score >= 90");
        }
        Parser p = new Parser(text);
        Node n = p.or();
        Token t = p.peek();
        if (t.kind != Kind.END) {
            throw new Invalid(t.column, "expected and, or or the end of the condition, found " + t.describe());
        }
        return new BreakCondition(text.strip(), n);
    }

    /** True when this row matches. */
    public boolean matches(Object row) {
        return root.test(RowJson.tree(row));
    }

    /** True when any of these rows matches. */
    public boolean matchesAny(List<Object> rows) {
        for (Object row : rows) {
            if (matches(row)) {
                return true;
            }
        }
        return false;
    }

    /** The condition as typed (trimmed). */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    // ------------------------------------------------------------------ tokens

    private enum Kind { FIELD, NUMBER, TEXT, WORD, OP, OPEN, CLOSE, END }

    private record Token(Kind kind, String text, int column) {
        String describe() {
            return kind == Kind.END ? "the end of the condition" : "\"" + text + "\"";
        }

        boolean word(String w) {
            return (kind == Kind.WORD || kind == Kind.FIELD) && text.equalsIgnoreCase(w);
        }
    }

    private static final class Parser {
        private final List<Token> tokens = new ArrayList<>();
        private int at;

        Parser(String s) {
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                int col = i + 1;
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')') {
                    tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), col));
                    i++;
                } else if (c == '"' || c == '\'') {
                    StringBuilder sb = new StringBuilder();
                    int j = i + 1;
                    while (j < s.length() && s.charAt(j) != c) {
                        if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                            j++;
                        }
                        sb.append(s.charAt(j));
                        j++;
                    }
                    if (j >= s.length()) {
                        throw new Invalid(col, "the text starting here has no closing " + c);
                    }
                    tokens.add(new Token(Kind.TEXT, sb.toString(), col));
                    i = j + 1;
                } else if (c == '`') {
                    int j = s.indexOf('`', i + 1);
                    if (j < 0) {
                        throw new Invalid(col, "the field name starting here has no closing `");
                    }
                    tokens.add(new Token(Kind.FIELD, s.substring(i + 1, j), col));
                    i = j + 1;
                } else if ("=!<>&|".indexOf(c) >= 0) {
                    String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                    String op = switch (two) {
                        case "==", "!=", "<=", ">=", "&&", "||" -> two;
                        default -> c == '<' || c == '>' ? String.valueOf(c) : null;
                    };
                    if (op == null) {
                        throw new Invalid(col, c == '=' ? "use == to compare, not =" : "unknown operator " + c
                                + " (use ==, !=, <, <=, >, >=, contains, and, or)");
                    }
                    tokens.add(op.equals("&&") ? new Token(Kind.WORD, "and", col) : op.equals("||")
                            ? new Token(Kind.WORD, "or", col) : new Token(Kind.OP, op, col));
                    i += op.length();
                } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < s.length()
                        && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.'))) {
                    int j = i + 1;
                    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.'
                            || (s.charAt(j) == '+' || s.charAt(j) == '-') && "eE".indexOf(s.charAt(j - 1)) >= 0)) {
                        j++;
                    }
                    String num = s.substring(i, j);
                    try {
                        new BigDecimal(num);
                    } catch (NumberFormatException e) {
                        throw new Invalid(col, "\"" + num + "\" is not a number");
                    }
                    tokens.add(new Token(Kind.NUMBER, num, col));
                    i = j;
                } else if (Character.isLetter(c) || c == '_' || c == '$') {
                    int j = i + 1;
                    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
                            || s.charAt(j) == '$' || s.charAt(j) == '.' || s.charAt(j) == '-')) {
                        j++;
                    }
                    tokens.add(new Token(Kind.WORD, s.substring(i, j), col));
                    i = j;
                } else {
                    throw new Invalid(col, "unexpected character " + c);
                }
            }
            tokens.add(new Token(Kind.END, "", s.length() + 1));
        }

        Token peek() {
            return tokens.get(at);
        }

        Token next() {
            return tokens.get(at++);
        }

        Node or() {
            Node left = and();
            while (peek().word("or")) {
                next();
                Node l = left;
                Node r = and();
                left = row -> l.test(row) || r.test(row);
            }
            return left;
        }

        Node and() {
            Node left = unary();
            while (peek().word("and")) {
                next();
                Node l = left;
                Node r = unary();
                left = row -> l.test(row) && r.test(row);
            }
            return left;
        }

        Node unary() {
            if (peek().word("not")) {
                next();
                Node n = unary();
                return row -> !n.test(row);
            }
            Token t = peek();
            if (t.kind == Kind.OPEN) {
                next();
                Node inner = or();
                Token close = next();
                if (close.kind != Kind.CLOSE) {
                    throw new Invalid(close.column, "expected ) to close the ( at column " + t.column + ", found " + close.describe());
                }
                return inner;
            }
            return comparison();
        }

        Node comparison() {
            Token field = next();
            if (field.kind != Kind.WORD && field.kind != Kind.FIELD || field.kind == Kind.WORD && isKeyword(field.text)) {
                throw new Invalid(field.column, "expected a field name, found " + field.describe());
            }
            Token op = next();
            String operator;
            if (op.kind == Kind.OP) {
                operator = op.text;
            } else if (op.word("contains")) {
                operator = "contains";
            } else {
                throw new Invalid(op.column, "expected ==, !=, <, <=, >, >= or contains after " + field.text + ", found " + op.describe());
            }
            Token value = next();
            Literal lit = switch (value.kind) {
                case NUMBER -> new Literal(new BigDecimal(value.text), value.text, null, false);
                case TEXT -> new Literal(null, value.text, null, false);
                case WORD -> switch (value.text.toLowerCase(Locale.ROOT)) {
                    case "true" -> new Literal(null, "true", Boolean.TRUE, false);
                    case "false" -> new Literal(null, "false", Boolean.FALSE, false);
                    case "null" -> new Literal(null, "null", null, true);
                    default -> throw new Invalid(value.column, "expected a value (a number, \"text\", true, false or null) after "
                            + operator + ", found " + value.describe() + ": put text in quotes");
                };
                default -> throw new Invalid(value.column, "expected a value (a number, \"text\", true, false or null) after "
                        + operator + ", found " + value.describe());
            };
            if (("<".equals(operator) || "<=".equals(operator) || ">".equals(operator) || ">=".equals(operator))
                    && (lit.bool != null || lit.isNull)) {
                throw new Invalid(value.column, operator + " needs a number or a text, not " + value.text);
            }
            String[] path = field.kind == Kind.FIELD ? new String[] {field.text} : field.text.split("\\.");
            return row -> compare(field(row, path), operator, lit);
        }

        private static boolean isKeyword(String w) {
            return switch (w.toLowerCase(Locale.ROOT)) {
                case "and", "or", "not", "contains" -> true;
                default -> false;
            };
        }
    }

    private record Literal(BigDecimal number, String text, Boolean bool, boolean isNull) {
    }

    /** The field at the path, null when the row lacks it; {@code value} is a non-object row itself. */
    private static JsonNode field(JsonNode row, String[] path) {
        if (!row.isObject() && !row.isArray() && path.length == 1 && path[0].equals(RowJson.VALUE_COLUMN)) {
            return row;
        }
        JsonNode n = row;
        for (String p : path) {
            if (n == null) {
                return null;
            }
            n = n.isArray() && p.chars().allMatch(Character::isDigit) && !p.isEmpty() ? n.get(Integer.parseInt(p)) : n.get(p);
        }
        return n == null || n.isMissingNode() ? null : n;
    }

    private static boolean compare(JsonNode v, String op, Literal lit) {
        if (v == null) {
            return false;
        }
        if (lit.isNull) {
            return "==".equals(op) == v.isNull();
        }
        if ("contains".equals(op)) {
            if (v.isTextual()) {
                return v.asText().contains(lit.text);
            }
            if (v.isArray()) {
                for (JsonNode e : v) {
                    if (compare(e, "==", lit)) {
                        return true;
                    }
                }
                return false;
            }
            return v.isObject() && v.has(lit.text);
        }
        int c;
        if (lit.bool != null) {
            boolean same = v.isBoolean() && v.booleanValue() == lit.bool;
            return "==".equals(op) == same;
        } else if (lit.number != null) {
            BigDecimal n = number(v);
            if (n == null) {
                return "!=".equals(op) && !v.isNull();
            }
            c = n.compareTo(lit.number);
        } else {
            if (v.isNull() || v.isContainerNode()) {
                return "!=".equals(op) && !v.isNull();
            }
            c = v.asText().compareTo(lit.text);
        }
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static BigDecimal number(JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
