package io.kisflow.designer.project;

import io.kisflow.config.YamlQuotes;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * How a new scalar value is written into an existing file. The exporter's token decides what the
 * value is (and whether it needs quotes); the file's old token decides the look: a value that was
 * quoted keeps its kind of quotes, as long as the new value is text.
 */
final class ScalarTokens {
    /** Plain scalars that YAML (1.1 or 1.2, as Go's yaml.v3 reads them) takes for something other than text. */
    private static final Pattern TYPED_PLAIN = Pattern.compile(
            "~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF"
                    + "|[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
                    + "|0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
                    + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
                    + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");

    private ScalarTokens() {
    }

    /**
     * The text to write for the exporter's scalar {@code fresh} (its token {@code freshToken}) where
     * the file had {@code old}; {@code inFlow} when it stands inside {@code [...]} or <code>{...}</code>.
     */
    static String forReplacement(ScalarNode old, ScalarNode fresh, String freshToken, boolean inFlow) {
        boolean text = isText(fresh, freshToken);
        if (text && old != null && old.getScalarStyle() == ScalarStyle.SINGLE_QUOTED) {
            return YamlQuotes.singleQuotedOrDouble(fresh.getValue());
        }
        if (text && old != null && old.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED) {
            return YamlQuotes.doubleQuoted(fresh.getValue());
        }
        return standalone(fresh, freshToken, inFlow);
    }

    /**
     * The exporter's token made safe to stand anywhere on one line: a multi-line token (block scalar
     * or folded plain text) becomes double-quoted, and inside a flow collection plain text holding
     * flow indicators is quoted.
     */
    static String standalone(ScalarNode fresh, String freshToken, boolean inFlow) {
        if (freshToken.indexOf('\n') >= 0 || freshToken.indexOf('\r') >= 0) {
            return YamlQuotes.doubleQuoted(fresh.getValue());
        }
        if (inFlow && fresh.getScalarStyle() == ScalarStyle.PLAIN && needsQuotesInFlow(freshToken)) {
            return YamlQuotes.doubleQuoted(fresh.getValue());
        }
        return freshToken;
    }

    private static boolean isText(ScalarNode fresh, String token) {
        return fresh.getScalarStyle() != ScalarStyle.PLAIN || !TYPED_PLAIN.matcher(token).matches();
    }

    private static boolean needsQuotesInFlow(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
                return true;
            }
        }
        return token.contains(" #") || token.contains(": ");
    }
}
