package io.kisflow.engine;

/**
 * A call to a flow instance refused because another thread is using it: a flow instance is
 * single-threaded (see docs/ENGINE-API.md, "Threads"). Nothing was changed by the refused call: its
 * rows were not committed, its run did not start. Give each thread its own instance with
 * {@link Flow#fork()}.
 *
 * <pre>{@code try { flow.commitRow(row); } catch (FlowBusyException e) { flow = flow.fork(); flow.commitRow(row); }}</pre>
 */
public final class FlowBusyException extends IllegalStateException {
    private final String flowName;
    private final String ownerThread;

    FlowBusyException(String flowName, String ownerThread, String message) {
        super(message);
        this.flowName = flowName;
        this.ownerThread = ownerThread;
    }

    public String getFlowName() {
        return flowName;
    }

    /** The name of the thread that was using the instance when the call was refused. */
    public String getOwnerThread() {
        return ownerThread;
    }
}
