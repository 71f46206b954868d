package io.kisflow.connect;

import io.kisflow.config.ConnConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connector's settings as its client uses them: {@code addrs}, {@code key} and {@code params} with
 * every {@code ${NAME}} replaced from the environment (so no secret has to be written into the YAML;
 * the config itself keeps the placeholders), and the connect and call timeouts
 * ({@code params.connect_timeout}, default 5 s; {@code params.call_timeout}, default 60 s).
 *
 * <pre>{@code ConnectorSettings s = ConnectorSettings.of(conn, System::getenv);}</pre>
 */
public record ConnectorSettings(String name, String type, String addrs, String key, Map<String, String> params,
                                Duration connectTimeout, Duration callTimeout, String shownAddrs) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    /** The settings of {@code conn}, placeholders resolved with {@code env}; throws IllegalArgumentException naming a missing variable. */
    public static ConnectorSettings of(ConnConfig conn, UnaryOperator<String> env) {
        String name = conn.cname();
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : conn.params().entrySet()) {
            params.put(e.getKey(), resolve(name, "params." + e.getKey(), e.getValue(), env));
        }
        return new ConnectorSettings(name, conn.type().strip().toLowerCase(java.util.Locale.ROOT),
                resolve(name, "addrs", conn.addrs(), env), resolve(name, "key", conn.key(), env), Map.copyOf(params),
                duration(name, params, "connect_timeout", DEFAULT_CONNECT_TIMEOUT),
                duration(name, params, "call_timeout", DEFAULT_CALL_TIMEOUT), conn.addrs());
    }

    /** The settings with placeholders resolved from the process environment. */
    public static ConnectorSettings of(ConnConfig conn) {
        return of(conn, System::getenv);
    }

    /** The first address of the comma list {@code addrs}. */
    public String firstAddress() {
        String first = addrs.split(",", -1)[0].strip();
        return first;
    }

    /** A param, or {@code otherwise} when absent or blank. */
    public String param(String key, String otherwise) {
        String v = params.get(key);
        return v == null || v.isBlank() ? otherwise : v;
    }

    /**
     * How a message names this connector: "connector Scores (redis at 127.0.0.1:6379)", with
     * {@code addrs} as written (a secret placed in it through ${NAME} is never shown).
     */
    public String where() {
        return "connector " + name + " (" + type + " at " + (shownAddrs.isBlank() ? "no addrs" : shownAddrs) + ")";
    }

    private static String resolve(String conn, String field, String value, UnaryOperator<String> env) {
        if (value == null || !value.contains("${")) {
            return value == null ? "" : value;
        }
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("connector " + conn + ": " + field + " uses ${" + m.group(1)
                        + "}, which is not set in the environment; set it before starting (export " + m.group(1) + "=...)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Duration duration(String conn, Map<String, String> params, String key, Duration otherwise) {
        String v = params.get(key);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        Matcher m = DURATION.matcher(v.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("connector " + conn + ": params." + key + " is '" + v
                    + "'; write a duration such as 500ms, 5s or 2m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("connector " + conn + ": params." + key + " must be more than 0");
        }
        return d;
    }
}
