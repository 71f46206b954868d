package io.kisflow.designer.code;

import io.kisflow.code.CodeTemplates;
import io.kisflow.code.JavaNames;
import io.kisflow.code.ProjectCode;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.Problem;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.edit.Edit;
import io.kisflow.designer.edit.Selection;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * The Code tab's logic: which source file belongs to the selected function or connector, its text
 * and its compiler problems, and the commands "Write code" (a file from the template of the
 * function's mode) and "Delete code". A function's file is the one whose code registered it at the
 * last compile, else {@code functions/<ClassName>.java} when the project has it; a connector's the
 * one that registered it, else {@code functions/<ClassName>Connector.java}.
 *
 * <pre>{@code CodeTabModel tab = new CodeTabModel(doc, workspace);
 * doc.select(Selection.function("Upper")); if (tab.canWriteCode()) tab.writeCode(false);
 * tab.type(newText);   // recompiled after a pause, like typing}</pre>
 */
public final class CodeTabModel {
    private final ProjectDocument doc;
    private final CodeWorkspace workspace;
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper(this, "subject");
    private final ReadOnlyStringWrapper file = new ReadOnlyStringWrapper(this, "file");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper canWriteCode = new ReadOnlyBooleanWrapper(this, "canWriteCode");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private boolean connector;

    public CodeTabModel(ProjectDocument doc, CodeWorkspace workspace) {
        this.doc = doc;
        this.workspace = workspace;
        doc.selectionProperty().addListener((o, a, b) -> refresh());
        doc.stateProperty().addListener((o, a, b) -> refresh());
        workspace.compiledProperty().addListener((o, a, b) -> refresh());
        workspace.compilingProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        DesignState s = doc.state();
        Selection sel = doc.selection();
        String name = null;
        connector = false;
        if (sel instanceof Selection.OfConnector c && s.configs().conn(c.cname()) != null) {
            name = c.cname();
            connector = true;
        } else if (sel instanceof Selection.OfFunction f && s.configs().func(f.fname()) != null) {
            name = f.fname();
        } else if (sel instanceof Selection.OfStep st) {
            String fname = st.fname(s);
            name = fname != null && s.configs().func(fname) != null ? fname : null;
        }
        subject.set(name);
        if (name != null) {
            workspace.prewarm();
        }
        String f = name == null ? null : fileOf(s, workspace.compiled(), name, connector);
        file.set(f);
        text.set(f == null ? "" : s.code().get(f));
        canWriteCode.set(name != null && f == null);
        ProjectCode code = workspace.compiled();
        problems.setAll(f == null || doc.directory() == null ? List.of() : code.problemsOf(doc.directory(), f));
        status.set(statusText(name, f, code));
    }

    private String statusText(String name, String f, ProjectCode code) {
        if (name == null) {
            return "Select a function or a connector to see its code.";
        }
        if (f == null) {
            return (connector ? "Connector " : "Function ") + name + " has no code in this project. \"Write code\" creates "
                    + newFile(name, connector) + " from a template that runs as it is.";
        }
        if (workspace.compilingProperty().get()) {
            return f + ": compiling...";
        }
        long errors = problems.stream().filter(Problem::isError).count();
        if (errors > 0) {
            return f + ": " + errors + (errors == 1 ? " error" : " errors") + "; its code is not used until it compiles";
        }
        return f + ": compiled in " + Math.round(code.compileMillis()) + " ms; F5 runs the flow with it";
    }

    /**
     * The file of a function's or connector's code, or null when the project has none: the file that
     * registered it at the last compile, else the file named after it.
     */
    static String fileOf(DesignState s, ProjectCode compiled, String name, boolean connector) {
        String registering = compiled.fileRegistering(name);
        if (registering != null && s.code().containsKey(registering)) {
            return registering;
        }
        String own = newFile(name, connector);
        return s.code().containsKey(own) ? own : null;
    }

    static String newFile(String name, boolean connector) {
        return connector ? "functions/" + JavaNames.className(name) + "Connector.java" : JavaNames.fileOf(name);
    }

    /** Creates the selected function's (or connector's) file from its template, as one undoable command. */
    public boolean writeCode(boolean typed) {
        String name = subject.get();
        if (name == null || file.get() != null) {
            return false;
        }
        DesignState s = doc.state();
        String target = newFile(name, connector);
        String template;
        if (connector) {
            ConnConfig cc = s.configs().conn(name);
            template = CodeTemplates.connector(cc);
        } else {
            FuncConfig fc = s.configs().func(name);
            template = CodeTemplates.function(fc, typed);
        }
        return doc.perform(CodeEdits.create(target, template, "Write code for " + name));
    }

    /** Deletes the shown file, as one undoable command. */
    public boolean deleteCode() {
        String f = file.get();
        return f != null && doc.perform(CodeEdits.delete(f));
    }

    /** Text typed in the editor: kept in the project (unsaved, autosaved), compiled after a pause; the editor keeps the undo. */
    public void type(String newText) {
        String f = file.get();
        if (f != null) {
            doc.typeCode(f, newText);
        }
    }

    public ReadOnlyStringProperty subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canWriteCodeProperty() {
        return canWriteCode.getReadOnlyProperty();
    }

    public boolean canWriteCode() {
        return canWriteCode.get();
    }

    /** The compiler's problems in the shown file, each with its line and column. */
    public ObservableList<Problem> problems() {
        return problems;
    }

    /** The shown file as a path of the project folder (null when there is none). */
    public Path path() {
        return file.get() == null || doc.directory() == null ? null : doc.directory().resolve(file.get());
    }

    /** The file holding a function's code, or null: what a rename offers to rename with it. */
    public static String codeFileOf(DesignState s, ProjectCode compiled, String fname) {
        return fileOf(s, compiled, fname, false);
    }

    /** For the rename field: the edit that renames a function and, when it has a file, its code with it. */
    public static Edit renameEdit(DesignState s, ProjectCode compiled, String oldName, String newName) {
        String f = fileOf(s, compiled, oldName, false);
        return f == null ? io.kisflow.designer.edit.FunctionEdits.rename(oldName, newName) : CodeEdits.renameWithCode(oldName, newName, f);
    }
}
