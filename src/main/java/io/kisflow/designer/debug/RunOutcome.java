package io.kisflow.designer.debug;

/** How a run ended. */
public enum RunOutcome { FINISHED, FAILED, STOPPED }
