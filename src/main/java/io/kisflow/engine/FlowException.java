package io.kisflow.engine;

/**
 * A run that failed: names the flow and the function (null when the failure is not inside a
 * function, for example a jump loop or a jump to a missing name). The cause is the function's own
 * exception when it threw.
 */
public class FlowException extends Exception {
    private final String flowName;
    private final String functionName;

    public FlowException(String flowName, String functionName, String message, Throwable cause) {
        super(message, cause);
        this.flowName = flowName;
        this.functionName = functionName;
    }

    public String getFlowName() {
        return flowName;
    }

    public String getFunctionName() {
        return functionName;
    }
}
