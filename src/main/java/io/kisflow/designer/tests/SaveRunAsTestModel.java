package io.kisflow.designer.tests;

import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.FlowDebugState;
import io.kisflow.designer.debug.RunRecord;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.flowtest.FlowTestCase;
import io.kisflow.flowtest.FlowTestFiles;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "Save run as test": the choices of the dialog (the case's name, the levels to check, the fields to
 * ignore, whether row order matters) over one finished run, and the undoable edit that adds the case
 * file to the project. The functions the case pins come from the run (see {@link RecordedCase}).
 *
 * <pre>{@code SaveRunAsTestModel m = SaveRunAsTestModel.forFlow(doc, session, "StuScore");
 * m.name.set("scores-over-100"); m.level("FunctionIDFirstVirtual").checked.set(false);
 * if (m.problem() == null) m.save();}</pre>
 */
public final class SaveRunAsTestModel {
    /** A level of the run with the box that says whether the case checks it. */
    public static final class LevelChoice {
        public final RecordedCase.Level level;
        public final BooleanProperty checked;

        LevelChoice(RecordedCase.Level level, boolean on) {
            this.level = level;
            this.checked = new SimpleBooleanProperty(this, "checked", on);
        }

        /** "AvgStuScore · 3 rows", "(pinned)" for rows the case pins itself. */
        public String label() {
            String rows = level.rows().size() + (level.rows().size() == 1 ? " row" : " rows");
            return (level.position() < 0 ? "source (" + level.name() + ")" : "#" + (level.position() + 1) + " " + level.name())
                    + " · " + rows + (level.pinned() ? " · pinned in the case" : "");
        }
    }

    private final ProjectDocument doc;
    private final RunRecord run;
    private final List<LevelChoice> levels = new ArrayList<>();
    public final StringProperty name = new SimpleStringProperty(this, "name", "");
    public final StringProperty description = new SimpleStringProperty(this, "description", "");
    /** Fields left out of the comparison, separated by commas: "$.ts, meta.id". */
    public final StringProperty ignore = new SimpleStringProperty(this, "ignore", "");
    public final BooleanProperty ordered = new SimpleBooleanProperty(this, "ordered", true);

    public SaveRunAsTestModel(ProjectDocument doc, RunRecord run) {
        this.doc = doc;
        this.run = run;
        for (RecordedCase.Level l : RecordedCase.levels(run, doc.state().configs())) {
            // checked by default: what the functions computed; the input is the case's own, pinned rows are its premise
            levels.add(new LevelChoice(l, l.position() >= 0 && !l.pinned()));
        }
        name.set(freeName(run.flowName()));
        description.set("Saved from " + run.label().split(" · ")[0].toLowerCase(java.util.Locale.ROOT) + " of " + run.flowName()
                + (run.dryRun() ? " (dry run)" : ""));
    }

    /**
     * The model over the run of {@code flowName} the cards show (a reopened one), else its last
     * finished run; throws with what to do when there is none.
     */
    public static SaveRunAsTestModel forFlow(ProjectDocument doc, DebugSession session, String flowName) {
        if (session == null || flowName == null) {
            throw new IllegalStateException("select a flow and run it first; then save the run as a test");
        }
        FlowDebugState f = session.flow(flowName);
        RunRecord run = f == null ? null : f.shownRunProperty().get() != null ? f.shownRunProperty().get() : f.lastRunProperty().get();
        if (run == null) {
            throw new IllegalStateException("flow " + flowName + " has no finished run; run it (F5), check its levels, then save the run as a test");
        }
        return new SaveRunAsTestModel(doc, run);
    }

    public RunRecord run() {
        return run;
    }

    /** The configs the case is recorded against (the document's now). */
    io.kisflow.config.ConfigSet documentConfigs() {
        return doc.state().configs();
    }

    public List<LevelChoice> levels() {
        return levels;
    }

    /** The choice of the level named {@code name}, or null. */
    public LevelChoice level(String levelName) {
        return levels.stream().filter(l -> l.level.name().equals(levelName)).findFirst().orElse(null);
    }

    /** True when a case of this name exists: saving replaces it (the dialog says so). */
    public boolean exists() {
        return doc.state().code().containsKey(FlowTestFiles.pathOf(name.get().strip()));
    }

    /** Why the case cannot be saved as it is, or null. */
    public String problem() {
        String n = name.get().strip();
        if (n.isEmpty()) {
            return "name the test";
        }
        if (!FlowTestFiles.isValidName(n)) {
            return "'" + n + "' cannot name a test file: use letters, digits, '-', '_' and '.'";
        }
        if (levels.stream().noneMatch(l -> l.checked.get()) && run.error() == null) {
            return "check at least one level: a test compares the rows of the levels it checks";
        }
        return null;
    }

    /** The case the choices make. */
    public FlowTestCase testCase() {
        Set<String> checked = new LinkedHashSet<>();
        levels.stream().filter(l -> l.checked.get()).forEach(l -> checked.add(l.level.name()));
        List<String> ignored = Arrays.stream(ignore.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return RecordedCase.of(run, doc.state().configs(), checked, ignored, ordered.get(), description.get());
    }

    /** Adds (or replaces) {@code tests/NAME.json} as one undoable edit; false when refused (the reason is the document's status). */
    public boolean save() {
        String why = problem();
        if (why != null) {
            throw new IllegalStateException(why);
        }
        String n = name.get().strip();
        return doc.perform(TestEdits.write(n, FlowTestFiles.text(testCase()), exists()));
    }

    /** The flow's name, or NAME-2, NAME-3, ... when a case has it. */
    private String freeName(String flowName) {
        String base = FlowTestFiles.isValidName(flowName) ? flowName : "case";
        String n = base;
        for (int i = 2; doc.state().code().containsKey(FlowTestFiles.pathOf(n)); i++) {
            n = base + "-" + i;
        }
        return n;
    }
}
