package io.kisflow.config;

import java.math.BigInteger;

/**
 * How Go's yaml.v3 reads an unquoted scalar (null, bool, int, float or text), so that this loader
 * gives values the same types Go gives them, and the exporter knows which strings must be quoted to
 * read back as text. Hand-written checks instead of regular expressions: this runs on every value
 * of every file, and almost all values start with a letter and are decided by the first character.
 */
final class PlainScalars {
    enum Kind { NULL, BOOL, INT, FLOAT, TIMESTAMP, STRING }

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private PlainScalars() {
    }

    /** The kind yaml.v3 gives this text when it is written without quotes. */
    static Kind kind(String s) {
        if (s.isEmpty()) {
            return Kind.NULL;
        }
        char c = s.charAt(0);
        if (c == '~' || c == 'n' || c == 'N') {
            return s.equals("~") || s.equals("null") || s.equals("Null") || s.equals("NULL") ? Kind.NULL : Kind.STRING;
        }
        if (c == 't' || c == 'T' || c == 'f' || c == 'F') {
            return switch (s) {
                case "true", "True", "TRUE", "false", "False", "FALSE" -> Kind.BOOL;
                default -> Kind.STRING;
            };
        }
        if (c == '.') {
            return isSpecialFloat(s) || isDotFloat(s) ? Kind.FLOAT : Kind.STRING;
        }
        if (c == '+' || c == '-' || (c >= '0' && c <= '9')) {
            if (isSpecialFloat(s)) {
                return Kind.FLOAT;
            }
            if (looksLikeTimestamp(s)) {
                return Kind.TIMESTAMP;
            }
            String plain = s.indexOf('_') < 0 ? s : s.replace("_", "");
            if (integer(plain) != null) {
                return Kind.INT;
            }
            // Go's ParseFloat fails with a range error beyond the largest double, and yaml.v3 then keeps the text
            return isDecimalFloat(plain) && Double.isFinite(Double.parseDouble(plain)) ? Kind.FLOAT : Kind.STRING;
        }
        return Kind.STRING;
    }

    /**
     * The Java value of an unquoted scalar: null, Boolean, Long (BigInteger beyond long), Double, or
     * the text itself (timestamps stay text: the model never needs them as dates).
     */
    static Object value(String s) {
        return switch (kind(s)) {
            case NULL -> null;
            case BOOL -> s.charAt(0) == 't' || s.charAt(0) == 'T';
            case INT -> {
                BigInteger v = integer(s.replace("_", ""));
                yield v.bitLength() < 64 ? (Object) v.longValue() : v;
            }
            case FLOAT -> floatValue(s);
            case TIMESTAMP, STRING -> s;
        };
    }

    /** The number of a scalar of kind INT or FLOAT. */
    static double floatValue(String s) {
        switch (s) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            default:
                String plain = s.charAt(0) == '.' ? s : s.replace("_", "");
                BigInteger i = integer(plain);
                return i != null ? i.doubleValue() : Double.parseDouble(plain);
        }
    }

    /** Words YAML 1.1 read as booleans; yaml.v3 still accepts them for bool fields and quotes them on output. */
    static boolean isOldBool(String s) {
        return switch (s) {
            case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF" -> true;
            default -> false;
        };
    }

    static boolean isOldTrue(String s) {
        return switch (s) {
            case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON" -> true;
            default -> false;
        };
    }

    /** YAML 1.1 sexagesimal numbers such as {@code 190:20:30}; yaml.v3 quotes strings that look like them. */
    static boolean isBase60Number(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i >= n || !isDigit(s.charAt(i))) {
            return false;
        }
        while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        int groups = 0;
        while (i < n && s.charAt(i) == ':') {
            i++;
            int digits = 0;
            while (i < n && isDigit(s.charAt(i)) && digits < 2) {
                i++;
                digits++;
            }
            if (digits == 0 || (digits == 2 && s.charAt(i - 2) > '5')) {
                return false;
            }
            groups++;
        }
        if (groups == 0) {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
        }
        return i == n;
    }

    /**
     * Go's strconv.ParseInt/ParseUint with base 0 (prefixes 0x, 0o, 0b, and a leading 0 for octal),
     * limited to what fits int64 or uint64; null when the text is not such an integer.
     */
    static BigInteger integer(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        boolean signed = false;
        if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            signed = true;
            i = 1;
        }
        if (i >= n) {
            return null;
        }
        int radix = 10;
        if (s.charAt(i) == '0' && i + 1 < n) {
            char p = s.charAt(i + 1);
            if (p == 'x' || p == 'X') {
                radix = 16;
                i += 2;
            } else if (p == 'o' || p == 'O') {
                radix = 8;
                i += 2;
            } else if (p == 'b' || p == 'B') {
                radix = 2;
                i += 2;
            } else {
                radix = 8;
                i += 1;
            }
        }
        if (i >= n) {
            return null;
        }
        for (int j = i; j < n; j++) {
            if (Character.digit(s.charAt(j), radix) < 0 || s.charAt(j) > 'f') {
                return null;
            }
        }
        // Leading zeros change nothing, and more digits than uint64 has cannot fit: deciding that from
        // the count keeps a number of a million digits from being built (quadratic in BigInteger).
        while (i < n - 1 && s.charAt(i) == '0') {
            i++;
        }
        if (n - i > maxDigits(radix)) {
            return null;
        }
        BigInteger v = new BigInteger(s.substring(i), radix);
        if (negative) {
            v = v.negate();
        }
        if (v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0) {
            return v;
        }
        return !signed && v.compareTo(UINT64_MAX) <= 0 ? v : null;
    }

    /** Digits of 2^64 - 1 in each radix Go's base-0 parsing knows. */
    private static int maxDigits(int radix) {
        return switch (radix) {
            case 2 -> 64;
            case 8 -> 22;
            case 16 -> 16;
            default -> 20;
        };
    }

    private static boolean isSpecialFloat(String s) {
        return switch (s) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN" -> true;
            default -> false;
        };
    }

    /** {@code .5}, {@code .5e3}: what Go's ParseFloat accepts from a scalar starting with a dot. */
    private static boolean isDotFloat(String s) {
        int i = 1;
        int n = s.length();
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        return exponentRest(s, i);
    }

    /** yaml.v3's float pattern: {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}. */
    static boolean isDecimalFloat(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        } else {
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
            if (i < n && s.charAt(i) == '.') {
                i++;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
            }
        }
        return exponentRest(s, i);
    }

    private static boolean exponentRest(String s, int i) {
        int n = s.length();
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != 'e' && s.charAt(i) != 'E') {
            return false;
        }
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        return i > start && i == n;
    }

    /** yaml.v3 tries dates on anything starting with four digits and a dash; treating all such text alike is enough here. */
    static boolean looksLikeTimestamp(String s) {
        return s.length() > 4 && isDigit(s.charAt(0)) && isDigit(s.charAt(1)) && isDigit(s.charAt(2))
                && isDigit(s.charAt(3)) && s.charAt(4) == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
