package io.kisflow.designer.tests;

import io.kisflow.flowtest.CaseResult;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One case of the Tests tab: its name and flow, its status, and its last result with the coverage
 * it was run with (what {@link TestsModel} compares to mark it stale). Changes on the UI thread.
 */
public final class TestCaseRow {
    private final String name;
    private final ReadOnlyStringWrapper flow = new ReadOnlyStringWrapper(this, "flow", "");
    private final ReadOnlyObjectWrapper<TestStatus> status = new ReadOnlyObjectWrapper<>(this, "status", TestStatus.NOT_RUN);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyObjectWrapper<CaseResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private CaseCoverage ranWith;

    TestCaseRow(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public ReadOnlyStringProperty flowProperty() {
        return flow.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public TestStatus status() {
        return status.get();
    }

    /** The first line of a failure ("level AvgStuScore: expected 3 rows, got 2"), the time of a pass, why it is stale. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The last result (kept while stale, so its rows can still be compared). */
    public ReadOnlyObjectProperty<CaseResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public CaseResult result() {
        return result.get();
    }

    CaseCoverage ranWith() {
        return ranWith;
    }

    void setFlow(String f) {
        flow.set(f == null ? "" : f);
    }

    void running() {
        status.set(TestStatus.RUNNING);
        detail.set("");
    }

    void finished(CaseResult r, CaseCoverage coverage) {
        result.set(r);
        ranWith = coverage;
        status.set(r.passed() ? TestStatus.PASSED : TestStatus.FAILED);
        detail.set(r.passed() ? r.millis() + " ms" : firstLine(r));
    }

    /** Back to the last result's status, or not run. */
    void current() {
        CaseResult r = result.get();
        if (r == null) {
            status.set(TestStatus.NOT_RUN);
            detail.set("");
        } else {
            status.set(r.passed() ? TestStatus.PASSED : TestStatus.FAILED);
            detail.set(r.passed() ? r.millis() + " ms" : firstLine(r));
        }
    }

    void stale() {
        status.set(TestStatus.STALE);
        detail.set("changed since it ran: run it again");
    }

    private static String firstLine(CaseResult r) {
        java.util.List<String> lines = io.kisflow.flowtest.FailureText.lines(r);
        return lines.isEmpty() ? "failed" : lines.get(0);
    }
}
