package io.kisflow.designer.problems;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.LoadResult;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.Origin;
import io.kisflow.config.Problem;
import io.kisflow.designer.canvas.Markers;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Selection;
import io.kisflow.engine.ProjectCheck;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The problems panel's logic: what reading the files reported (broken files, unknown keys: these
 * stay until the files are fixed) plus the validator's verdict on the project as edited, re-run
 * after every edit. Each problem is tied to its flow, function or connector when one can be found
 * (by its file, else by its subject), which gives the canvas its markers and lets a click select
 * the card, lane or badge; a problem of a file that holds no object reveals the file instead.
 *
 * <pre>{@code problems.activate(problems.rows().get(0));}</pre>
 */
public final class ProblemsViewModel {
    private final ProjectDocument doc;
    private final ObservableList<ProblemRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Markers> markers = new ReadOnlyObjectWrapper<>(this, "markers", Markers.NONE);
    private final ReadOnlyObjectWrapper<Origin> revealedFile = new ReadOnlyObjectWrapper<>(this, "revealedFile");
    private final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper(this, "errors");
    private final ReadOnlyIntegerWrapper warnings = new ReadOnlyIntegerWrapper(this, "warnings");
    private final ObjectProperty<ProjectCheck.Code> code = new SimpleObjectProperty<>(this, "code");
    private Map<ObjectRef, Origin> origins = Map.of();
    private Map<Path, ObjectRef> objectOfFile = Map.of();
    private ProjectCheck check = new ProjectCheck(new LoadResult(ConfigSet.EMPTY, List.of(), Map.of()));

    public ProblemsViewModel(ProjectDocument doc) {
        this.doc = doc;
        doc.stateProperty().addListener((o, a, b) -> {
            if (a == null || !a.configs().equals(b.configs())) {
                refresh();
            }
        });
        code.addListener((o, a, b) -> refresh());
    }

    /**
     * The code the designer loaded for the project (its plugins): functions and connectors without
     * code are findings, as in {@code validate}. Null while the plugins are not loaded yet.
     */
    public ObjectProperty<ProjectCheck.Code> codeProperty() {
        return code;
    }

    /**
     * A project was opened (or saved): where its objects live, and what loading reported. The
     * findings come from {@link ProjectCheck}, the source {@code validate} prints from: problems the
     * validator finds again on the loaded configs are left to the live check, so each shows once.
     */
    public void projectLoaded(ConfigSet loaded, Map<ObjectRef, Origin> newOrigins, List<Problem> loadProblems) {
        origins = Map.copyOf(newOrigins);
        Map<Path, ObjectRef> byFile = new HashMap<>();
        origins.forEach((ref, origin) -> {
            if (origin != null && origin.file() != null) {
                byFile.put(origin.file(), ref);
            }
        });
        objectOfFile = byFile;
        check = new ProjectCheck(new LoadResult(loaded, loadProblems, origins));
        refresh();
    }

    /** After a save the files hold the edited project: problems from reading the old files are gone. */
    public void projectSaved(Map<ObjectRef, Origin> newOrigins) {
        projectLoaded(doc.state().configs(), newOrigins, List.of());
    }

    private void refresh() {
        ConfigSet set = doc.state().configs();
        List<ProblemRow> out = new ArrayList<>();
        for (Problem p : check.fileProblems()) {
            out.add(row(p, set, true));
        }
        for (Problem p : check.configProblems(set, originsNow(), code.get())) {
            out.add(row(p, set, false));
        }
        out.sort((a, b) -> a.isError() == b.isError() ? 0 : a.isError() ? -1 : 1);
        rows.setAll(out);
        Map<String, Problem.Severity> flows = new HashMap<>();
        Map<String, Problem.Severity> funcs = new HashMap<>();
        Map<String, Problem.Severity> conns = new HashMap<>();
        int e = 0;
        for (ProblemRow r : out) {
            e += r.isError() ? 1 : 0;
            if (r.object() == null) {
                continue;
            }
            Map<String, Problem.Severity> target = switch (r.object().type()) {
                case FLOW -> flows;
                case FUNC -> funcs;
                case CONN -> conns;
                case GLOBAL -> null;
            };
            if (target != null) {
                target.merge(r.object().name(), r.problem().severity(), (x, y) -> x == Problem.Severity.ERROR ? x : y);
            }
        }
        errors.set(e);
        warnings.set(out.size() - e);
        markers.set(new Markers(flows, funcs, conns));
    }

    /** Where each object lives now: a renamed object is still in the file it was read from. */
    private Map<ObjectRef, Origin> originsNow() {
        Map<ObjectRef, ObjectRef> renames = doc.state().renamesSince(doc.savedState());
        if (renames.isEmpty()) {
            return origins;
        }
        Map<ObjectRef, Origin> now = new HashMap<>(origins);
        renames.forEach((was, is) -> {
            Origin o = origins.get(was);
            if (o != null) {
                now.put(is, o);
            }
        });
        return now;
    }

    private ProblemRow row(Problem p, ConfigSet set, boolean fromFile) {
        ObjectRef ref = p.file() == null ? null : objectOfFile.get(p.file());
        if (ref != null && !exists(ref, set)) {
            ref = null;
        }
        if (ref == null) {
            ref = bySubject(p, set);
        }
        String where = p.file() == null ? (ref == null ? "" : ref.toString()) : display(p.file()) + (p.line() > 0 ? ":" + p.line() : "");
        return new ProblemRow(p, ref, where, fromFile);
    }

    /** Problems name their object in the subject; the message's first word says which kind when names collide. */
    private static ObjectRef bySubject(Problem p, ConfigSet set) {
        String s = p.subject();
        if (s == null || s.isEmpty()) {
            return p.message().startsWith("global") ? ObjectRef.GLOBAL : null;
        }
        String m = p.message();
        if (m.startsWith("function") && set.func(s) != null) {
            return ObjectRef.func(s);
        }
        if (m.startsWith("connector") && set.conn(s) != null) {
            return ObjectRef.conn(s);
        }
        if (set.flow(s) != null) {
            return ObjectRef.flow(s);
        }
        if (set.func(s) != null) {
            return ObjectRef.func(s);
        }
        return set.conn(s) != null ? ObjectRef.conn(s) : null;
    }

    private static boolean exists(ObjectRef ref, ConfigSet set) {
        return switch (ref.type()) {
            case FLOW -> set.flow(ref.name()) != null;
            case FUNC -> set.func(ref.name()) != null;
            case CONN -> set.conn(ref.name()) != null;
            case GLOBAL -> set.hasGlobal();
        };
    }

    private String display(Path file) {
        Path dir = doc.directory();
        if (dir != null && file.startsWith(dir)) {
            return dir.relativize(file).toString();
        }
        return file.toString();
    }

    /**
     * A click on a problem: selects its object (a function's first card when it has one, so the
     * user sees it in context), or reveals the file when no object is known.
     */
    public void activate(ProblemRow row) {
        if (row == null) {
            return;
        }
        ObjectRef ref = row.object();
        if (ref == null) {
            if (row.problem().file() != null) {
                revealedFile.set(null);
                revealedFile.set(new Origin(row.problem().file(), row.problem().line()));
            }
            return;
        }
        doc.navigateTo(switch (ref.type()) {
            case FLOW -> Selection.flow(ref.name());
            case CONN -> Selection.connector(ref.name());
            case GLOBAL -> Selection.GLOBAL;
            case FUNC -> firstCard(ref.name());
        });
    }

    private Selection firstCard(String fname) {
        for (String lane : doc.state().lanes()) {
            var steps = doc.state().configs().flow(lane).flows();
            for (int i = 0; i < steps.size(); i++) {
                if (Objects.equals(steps.get(i).fname(), fname)) {
                    return Selection.step(lane, i);
                }
            }
        }
        return Selection.function(fname);
    }

    public ObservableList<ProblemRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Markers> markersProperty() {
        return markers.getReadOnlyProperty();
    }

    /** A file (and line) the user asked to see, for a problem that has no object. */
    public ReadOnlyObjectProperty<Origin> revealedFileProperty() {
        return revealedFile.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** Where each object of the opened project was read from. */
    public Map<ObjectRef, Origin> origins() {
        return origins;
    }

}
