package io.kisflow.engine;

import java.util.List;

/** The engine's view of the code behind a function name: untyped ({@link FaaS}) or typed ({@link TypedFaaS}). */
interface FunctionCode {
    void call(KisFlowRun flow, List<Object> input) throws Exception;

    /** Code that reads {@link Flow#input()} itself. */
    static FunctionCode plain(FaaS faas) {
        return (flow, input) -> faas.call(flow);
    }
}
