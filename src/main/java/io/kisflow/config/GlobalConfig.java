package io.kisflow.config;

import java.util.Map;

/** The global file ({@code kistype: global}): whether and where Prometheus metrics are served. */
public record GlobalConfig(boolean prometheusEnable, boolean prometheusListen, String prometheusServe,
                           Map<String, Object> extra) {
    public static final GlobalConfig DEFAULT = new GlobalConfig(false, false, "", Map.of());

    public GlobalConfig {
        prometheusServe = Values.text(prometheusServe);
        extra = Values.map(extra);
    }
}
