package io.kisflow.designer.code;

import io.kisflow.config.Problem;
import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.SessionDriver;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.debug.link.ProjectDebugger;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.files.ProjectSession;
import io.kisflow.designer.project.FileChange;
import io.kisflow.designer.project.RecoveryStore;
import io.kisflow.designer.project.SavePlan;
import io.kisflow.designer.properties.PropertiesViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Code tab's model with the real document, session files and debugger: templates, saving, recompiling, renaming. */
class CodeTabModelTest {
    @TempDir
    Path tmp;
    Path dir;
    ProjectDocument doc;
    ProjectSession session;
    ProjectDebugger dbg;
    CodeWorkspace code;
    CodeTabModel tab;

    @BeforeEach
    void open() throws Exception {
        dir = tmp.resolve("project");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("flow-Grades.yml"), "kistype: flow\nstatus: 1\nflow_name: Grades\nflows:\n  - fname: Check\n  - fname: Shout\n");
        Files.writeString(dir.resolve("func-Check.yml"), "kistype: func\nfname: Check\nfmode: Verify\nsource:\n  name: s\n");
        Files.writeString(dir.resolve("func-Shout.yml"), "kistype: func\nfname: Shout\nfmode: Calculate\nsource:\n  name: s\n");
        doc = new ProjectDocument();
        session = new ProjectSession(doc, tmp.resolve("state"), doc::state);
        dbg = new ProjectDebugger(doc, DebugOptions.defaults().withMetrics(false).withSamples(false), Runnable::run, Runnable::run);
        code = new CodeWorkspace(doc, dbg, Runnable::run, -1);
        tab = new CodeTabModel(doc, code);
        session.open(dir);
    }

    @AfterEach
    void close() {
        code.close();
        dbg.close();
    }

    @Test
    void writeCodeCreatesTheFileFromTheModesTemplateAsAnUndoableCommand() {
        doc.select(Selection.step("Grades", 1));
        assertEquals("Shout", tab.subjectProperty().get());
        assertTrue(tab.canWriteCode());
        assertTrue(tab.statusProperty().get().contains("functions/Shout.java"), tab.statusProperty().get());

        assertTrue(tab.writeCode(false));
        assertEquals("functions/Shout.java", tab.fileProperty().get());
        assertTrue(tab.textProperty().get().contains("pool.faas(\"Shout\""), tab.textProperty().get());
        assertTrue(doc.isDirty());
        code.compileNow();
        assertEquals(List.of(), tab.problems(), "the template compiles as it is");
        assertTrue(code.compiled().registeredByFile().get("functions/Shout.java").contains("Shout"));

        doc.undo();
        assertNull(tab.fileProperty().get(), "undo removes the file");
        assertTrue(doc.state().code().isEmpty());
        doc.redo();
        assertEquals("functions/Shout.java", tab.fileProperty().get());
    }

    @Test
    void theSavePlanListsTheFileAndSavingWritesIt() throws Exception {
        doc.select(Selection.function("Check"));
        tab.writeCode(true);
        SavePlan plan = session.planSave();
        Path file = dir.resolve("functions/Check.java");
        FileChange change = plan.changes().stream().filter(c -> c.path().equals(file)).findFirst().orElseThrow();
        assertEquals(FileChange.Kind.CREATE, change.kind());
        assertTrue(change.newText().contains("public record Row("), change.newText());
        session.applySave(plan);
        assertEquals(change.newText(), Files.readString(file));
        assertFalse(doc.isDirty());

        // typing is kept (unsaved, autosaved) without a designer undo step; saving writes it
        int undoable = doc.history().undoSize();
        tab.type(change.newText() + "// edited\n");
        assertTrue(doc.isDirty());
        assertEquals(undoable, doc.history().undoSize(), "typing is the editor's undo, not the designer's");
        assertTrue(session.autosave(doc.state(), doc.isDirty()));
        assertTrue(new RecoveryStore(tmp.resolve("state")).find(dir).orElseThrow().code().get("functions/Check.java").endsWith("// edited\n"));
        session.applySave(session.planSave());
        assertTrue(Files.readString(file).endsWith("// edited\n"));
    }

    @Test
    void aCompileErrorShowsOnTheFileAndTheNextCompileMarksTheFunctionsCardsStale() {
        DebugSession s = dbg.session();
        doc.select(Selection.step("Grades", 1));
        tab.writeCode(false);
        code.compileNow();
        s.flow("Grades").input().textProperty().set("a\nb");
        SessionDriver driver = SessionDriver.wrap(s);
        assertTrue(dbg.run());
        driver.await(SessionState.FINISHED, SessionState.FAILED);
        assertEquals(SessionState.FINISHED, s.state(), s.messageProperty().get());
        assertFalse(s.card(new CardKey("Grades", 1)).staleProperty().get());

        tab.type(tab.textProperty().get().replace("toUpperCase()", "toUpperCase(1, 2)"));
        code.compileNow();
        Problem p = tab.problems().get(0);
        assertTrue(p.isError());
        assertTrue(p.line() > 0 && p.column() > 0, p.toString());
        assertTrue(tab.statusProperty().get().contains("1 error"), tab.statusProperty().get());
        assertTrue(s.card(new CardKey("Grades", 1)).staleProperty().get(), "Shout's results came from the old code");
        assertFalse(s.card(new CardKey("Grades", 0)).staleProperty().get(), "Check's did not");
        assertEquals(java.util.Map.of("Shout", "functions/Shout.java"), code.compiled().uncompiledFunctions(List.of("Check", "Shout")));
        // the card says its code does not compile, not "no code" (which sent the user looking for missing code)
        assertEquals(io.kisflow.designer.debug.CodeSource.UNCOMPILED, s.card(new CardKey("Grades", 1)).codeSourceProperty().get());
        assertEquals(io.kisflow.designer.debug.CodeSource.PASS_THROUGH, s.card(new CardKey("Grades", 0)).codeSourceProperty().get(), "Check has no code at all");

        tab.type(tab.textProperty().get().replace("toUpperCase(1, 2)", "toUpperCase()"));
        code.compileNow();
        assertEquals(io.kisflow.designer.debug.CodeSource.PLUGIN, s.card(new CardKey("Grades", 1)).codeSourceProperty().get(), "compiles again: its code runs");
    }

    @Test
    void renamingAFunctionOffersToRenameItsCodeAndDoesBothAsOneStep() {
        PropertiesViewModel props = new PropertiesViewModel(doc);
        props.codeFilesProperty().set(f -> CodeTabModel.codeFileOf(doc.state(), code.compiled(), f));
        doc.select(Selection.function("Shout"));
        tab.writeCode(false);
        code.compileNow();

        props.function.name.textProperty().set("Yell");
        assertTrue(props.function.name.warningProperty().get().contains("Enter renames Shout and its code with it: functions/Shout.java"),
                props.function.name.warningProperty().get());
        props.function.name.enter();
        assertTrue(doc.state().code().containsKey("functions/Yell.java"), doc.state().code().keySet().toString());
        assertFalse(doc.state().code().containsKey("functions/Shout.java"));
        String text = doc.state().code().get("functions/Yell.java");
        assertTrue(text.contains("pool.faas(\"Yell\"") && text.contains("public class Yell "), text);
        code.compileNow();
        assertTrue(code.compiled().registeredByFile().get("functions/Yell.java").contains("Yell"));

        doc.undo();
        assertTrue(doc.state().code().containsKey("functions/Shout.java"));
        assertTrue(doc.state().configs().funcs().containsKey("Shout"));
    }

    @Test
    void renamingAFunctionCanKeepItsCodeAsItIsWithAWarningAsOneStep() {
        PropertiesViewModel props = new PropertiesViewModel(doc);
        props.codeFilesProperty().set(f -> CodeTabModel.codeFileOf(doc.state(), code.compiled(), f));
        doc.select(Selection.function("Shout"));
        tab.writeCode(false);
        code.compileNow();
        String source = doc.state().code().get("functions/Shout.java");
        assertEquals("functions/Shout.java", props.function.codeFile(), "the choice is offered: the function has code");
        assertTrue(props.function.renameCode.get(), "renaming the code too is the default");

        props.function.name.textProperty().set("Yell");
        props.function.renameCode.set(false);
        assertEquals("Enter renames only the config: functions/Shout.java stays as it is and still registers Shout, so Yell has no code"
                + " until you change it (tick 'Rename its code too' to rename both). Escape keeps Shout.", props.function.name.warningProperty().get());
        props.function.name.enter();

        assertTrue(doc.state().configs().funcs().containsKey("Yell"));
        assertEquals(List.of("Check", "Yell"), doc.state().configs().flow("Grades").flows().stream().map(st -> st.fname()).toList());
        assertEquals(source, doc.state().code().get("functions/Shout.java"), "the code is kept as it is");
        assertFalse(doc.state().code().containsKey("functions/Yell.java"));
        code.compileNow();
        assertTrue(code.compiled().registeredByFile().get("functions/Shout.java").contains("Shout"), "it registers the old name");

        doc.undo();
        assertTrue(doc.state().configs().funcs().containsKey("Shout"), "one undo step");
        assertFalse(doc.state().configs().funcs().containsKey("Yell"));
        assertEquals(source, doc.state().code().get("functions/Shout.java"));
    }
}
