package io.kisflow.designer.debug;

/** How a function card looks after or during a run. */
public enum CardStatus {
    /** Not called in the shown run: the card is dimmed. */
    NOT_RUN,
    /** Paused before it, or running it now: the card is highlighted. */
    CURRENT,
    /** Called and returned (its level and calls can be inspected). */
    DONE,
    /** The run failed in (or because of) this function: the card shows the error. */
    FAILED,
    /** The user stopped the run while paused before or running this function. */
    STOPPED
}
