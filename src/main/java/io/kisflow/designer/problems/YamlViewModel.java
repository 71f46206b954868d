package io.kisflow.designer.problems;

import io.kisflow.config.ConfigExporter;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.Origin;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.project.ProjectFiles;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Function;

/**
 * The YAML tab's logic: the selected object exactly as it will be written. "Exported" is the
 * canonical form ({@link ConfigExporter}: what Export writes and a new file gets); "Saved" is the
 * text Save would leave in the object's own file (its comments, key order and unknown keys kept).
 * A problem of an unreadable file shows that file's text instead, with the line marked.
 *
 * <pre>{@code yaml.modeProperty().set(YamlViewModel.Mode.SAVED); yaml.textProperty().get();}</pre>
 */
public final class YamlViewModel {
    public enum Mode { EXPORTED, SAVED }

    private final ProjectDocument doc;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.EXPORTED);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyIntegerWrapper markedLine = new ReadOnlyIntegerWrapper(this, "markedLine");
    private Function<ObjectRef, String> savedText = ref -> null;
    /** The name Save gives a new object's file and whether its text is Export's; null when unknown. */
    private Function<ObjectRef, ProjectFiles.NewFile> newFile = ref -> null;

    public YamlViewModel(ProjectDocument doc) {
        this.doc = doc;
        doc.selectionProperty().addListener((o, a, b) -> refresh());
        doc.stateProperty().addListener((o, a, b) -> refresh());
        mode.addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Where "Saved" texts come from (the project files' save plan); returns null when it cannot tell. */
    public void setSavedTextSource(Function<ObjectRef, String> source) {
        this.savedText = source;
        refresh();
    }

    /** Where the name and layout of a new object's file come from (the project's own style). */
    public void setNewFileSource(Function<ObjectRef, ProjectFiles.NewFile> source) {
        this.newFile = source;
        refresh();
    }

    /** The object the selection shows in YAML (a card shows its function), or null. */
    public ObjectRef selectedObject() {
        Selection s = doc.selection();
        if (s instanceof Selection.OfStep st) {
            String f = st.fname(doc.state());
            return f == null ? null : ObjectRef.func(f);
        }
        if (s instanceof Selection.OfFlow f) {
            return ObjectRef.flow(f.flow());
        }
        if (s instanceof Selection.OfFunction f) {
            return ObjectRef.func(f.fname());
        }
        if (s instanceof Selection.OfConnector c) {
            return ObjectRef.conn(c.cname());
        }
        return s instanceof Selection.Global ? ObjectRef.GLOBAL : null;
    }

    private void refresh() {
        markedLine.set(0);
        ObjectRef ref = selectedObject();
        String canonical = ref == null ? null : render(ref, doc.state().configs());
        if (canonical == null) {
            title.set("Select a card, lane, function or connector to see its YAML.");
            text.set("");
            return;
        }
        if (mode.get() == Mode.SAVED) {
            String saved = savedText.apply(ref);
            if (saved != null) {
                title.set(ref + " as Save writes it (comments and key order of its file kept)");
                text.set(saved);
                return;
            }
        }
        title.set(exportedTitle(ref));
        text.set(canonical);
    }

    /**
     * Export writes Go's name and layout; Save writes a new file in the project's style, which says
     * so when it differs ({@code .yml}, 2-space indents) rather than promise Go's name.
     */
    private String exportedTitle(ObjectRef ref) {
        String exported = ConfigExporter.fileName(ref);
        ProjectFiles.NewFile created = newFile.apply(ref);
        if (created == null || created.likeExport() && created.name().equals(exported)) {
            return ref + " as written to " + exported + " by Export (and by Save for a new file)";
        }
        return ref + " as written to " + exported + " by Export (Save writes a new file as " + created.name()
                + ", in the project's indentation)";
    }

    /** The canonical YAML of one object, or null when it does not exist (a card's missing function). */
    static String render(ObjectRef ref, ConfigSet set) {
        return switch (ref.type()) {
            case FLOW -> set.flow(ref.name()) == null ? null : ConfigExporter.renderFlow(set.flow(ref.name()));
            case FUNC -> {
                FuncConfig f = set.func(ref.name());
                yield f == null ? null : ConfigExporter.renderFunc(f);
            }
            case CONN -> set.conn(ref.name()) == null ? null : ConfigExporter.renderConn(set.conn(ref.name()), set);
            case GLOBAL -> ConfigExporter.renderGlobal(set.globalOrDefault());
        };
    }

    /** Shows a file as it is on disk (for a problem that has no object), with its line marked. */
    public void showFile(Origin where) {
        try {
            text.set(Files.readString(where.file()));
            title.set(where.file() + (where.line() > 0 ? ", line " + where.line() : "") + " (as it is on disk)");
            markedLine.set(where.line());
        } catch (IOException e) {
            title.set("Cannot read " + where.file() + ": " + e.getMessage());
            text.set("");
        }
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The 1-based line to highlight in a revealed file, 0 for none. */
    public ReadOnlyIntegerProperty markedLineProperty() {
        return markedLine.getReadOnlyProperty();
    }
}
