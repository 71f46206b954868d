package io.kisflow.config;

import java.util.Map;

/**
 * A function's {@code option}: connector name, retry settings and default params.
 * {@code returnDuration} is the YAML key {@code return_duration} (sic), Go's RetryDuration in ms.
 */
public record FuncOption(String cname, int retryTimes, int returnDuration, Map<String, String> defaultParams,
                         Map<String, Object> extra) {
    public static final FuncOption EMPTY = new FuncOption("", 0, 0, Map.of(), Map.of());

    public FuncOption {
        cname = Values.text(cname);
        defaultParams = Values.map(defaultParams);
        extra = Values.map(extra);
    }

    public FuncOption withCname(String v) {
        return new FuncOption(v, retryTimes, returnDuration, defaultParams, extra);
    }

    public FuncOption withRetryTimes(int v) {
        return new FuncOption(cname, v, returnDuration, defaultParams, extra);
    }

    public FuncOption withReturnDuration(int v) {
        return new FuncOption(cname, retryTimes, v, defaultParams, extra);
    }

    public FuncOption withDefaultParams(Map<String, String> v) {
        return new FuncOption(cname, retryTimes, returnDuration, v, extra);
    }
}
