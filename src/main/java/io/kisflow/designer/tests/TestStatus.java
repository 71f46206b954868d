package io.kisflow.designer.tests;

/** Where a case stands in the Tests tab. */
public enum TestStatus {
    /** Not run since the project was opened. */
    NOT_RUN("not run"),
    /** Waiting for its turn or running in "Run all". */
    RUNNING("running"),
    PASSED("pass"),
    FAILED("fail"),
    /**
     * Run before an edit that changed what it covers (its flow, a function or connector of the flow,
     * their code, the case file itself): its result no longer says anything; run it again.
     */
    STALE("stale");

    private final String label;

    TestStatus(String label) {
        this.label = label;
    }

    /** The word the list shows: "pass", "fail", "stale", ... */
    public String label() {
        return label;
    }
}
