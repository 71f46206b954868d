package io.kisflow.config;

import java.util.Map;

/**
 * One entry of a flow's {@code flows} list: a function name and the params this flow gives it
 * (they override the function's {@code default_params}). Go calls it KisFlowFunctionParam.
 */
public record FlowStep(String fname, Map<String, String> params, Map<String, Object> extra) {
    public FlowStep {
        fname = Values.text(fname);
        params = Values.map(params);
        extra = Values.map(extra);
    }

    public FlowStep(String fname, Map<String, String> params) {
        this(fname, params, Map.of());
    }

    public static FlowStep of(String fname) {
        return new FlowStep(fname, Map.of(), Map.of());
    }

    public FlowStep withFname(String newName) {
        return new FlowStep(newName, params, extra);
    }

    public FlowStep withParams(Map<String, String> newParams) {
        return new FlowStep(fname, newParams, extra);
    }
}
