package io.kisflow.designer.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of a Prometheus text exposition (what a served flow's {@code /metrics} answers):
 * {@code name{label="value",...} number} lines; comments and lines that do not parse are skipped,
 * so a newer service with more metrics never breaks the Serve tab.
 *
 * <pre>{@code double records = MetricsText.parse(body).sum("kisflow_serve_records_total");}</pre>
 */
public record MetricsText(List<Sample> samples) {
    /** One line: the metric's name, its labels in order, its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public static MetricsText parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Sample s = sample(line.strip());
            if (s != null) {
                out.add(s);
            }
        }
        return new MetricsText(List.copyOf(out));
    }

    private static Sample sample(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        String rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            int close = line.lastIndexOf('}');
            if (close < brace) {
                return null;
            }
            name = line.substring(0, brace);
            if (!labels(line.substring(brace + 1, close), labels)) {
                return null;
            }
            rest = line.substring(close + 1).strip();
        } else if (space > 0) {
            name = line.substring(0, space);
            rest = line.substring(space + 1).strip();
        } else {
            return null;
        }
        String number = rest.split("\\s+")[0]; // a timestamp may follow
        try {
            return new Sample(name, Map.copyOf(labels), Double.parseDouble(number.replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code a="x",b="y \" z"} into the map; false when it does not parse. */
    private static boolean labels(String text, Map<String, String> into) {
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0 || eq + 1 >= text.length() || text.charAt(eq + 1) != '"') {
                return text.substring(i).isBlank();
            }
            String key = text.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; j < text.length() && text.charAt(j) != '"'; j++) {
                char c = text.charAt(j);
                if (c == '\\' && j + 1 < text.length()) {
                    char n = text.charAt(++j);
                    value.append(n == 'n' ? '\n' : n);
                } else {
                    value.append(c);
                }
            }
            if (j >= text.length()) {
                return false;
            }
            into.put(key, value.toString());
            i = j + 1;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        return true;
    }

    /** The samples of one metric name. */
    public List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The sum of a metric over all its label sets; 0 when absent. */
    public double sum(String name) {
        return named(name).stream().mapToDouble(Sample::value).sum();
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }
}
