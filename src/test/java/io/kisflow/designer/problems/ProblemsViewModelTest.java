package io.kisflow.designer.problems;

import io.kisflow.config.ConfigExporter;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.Origin;
import io.kisflow.config.Problem;
import io.kisflow.designer.Fixtures;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.FunctionEdits;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.edit.StepEdits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemsViewModelTest {
    private final ProjectDocument doc = new ProjectDocument();
    private ProblemsViewModel problems;

    @BeforeEach
    void open() {
        doc.open(Path.of("/tmp/p"), Fixtures.state(), Fixtures.state());
        problems = new ProblemsViewModel(doc);
        problems.projectLoaded(doc.state().configs(), Map.of(), List.of());
    }

    @Test
    void theValidatorRunsLiveAfterEveryEditAndMarksTheObject() {
        assertEquals(0, problems.errorsProperty().get());
        doc.perform(FunctionEdits.remove("RankScores"));
        doc.perform(StepEdits.insert("StuScore", 0, "AvgStuScore"));
        assertEquals(0, problems.errorsProperty().get());
        doc.perform(io.kisflow.designer.edit.Edit.of("break", s -> s.withConfigs(s.configs().withoutFunc("AvgStuScore")), null));
        assertTrue(problems.errorsProperty().get() > 0);
        ProblemRow row = problems.rows().get(0);
        assertTrue(row.message().contains("AvgStuScore"), row.message());
        assertEquals(ObjectRef.flow("StuScore"), row.object());
        assertEquals(Problem.Severity.ERROR, problems.markersProperty().get().flows().get("StuScore"));
        doc.undo();
        assertEquals(0, problems.errorsProperty().get(), "undo clears the problem");
    }

    @Test
    void aFunctionWithoutANameIsAnErrorInTheProblemsList() {
        doc.perform(io.kisflow.designer.edit.Edit.of("unname", s -> s.withConfigs(s.configs().withFunc(
                new io.kisflow.config.FuncConfig("", "Calculate", null, null, Map.of()))), null));
        ProblemRow row = problems.rows().stream().filter(r -> r.message().contains("has no fname")).findFirst().orElseThrow();
        assertEquals(Problem.Severity.ERROR, row.problem().severity());
        assertTrue(row.message().contains("add fname: NAME"), row.message());
    }

    @Test
    void clickingAProblemSelectsItsObject() {
        doc.perform(io.kisflow.designer.edit.FlowEdits.add("Empty", 0));
        ProblemRow empty = problems.rows().stream().filter(r -> ObjectRef.flow("Empty").equals(r.object())).findFirst().orElseThrow();
        assertEquals(Problem.Severity.WARNING, empty.problem().severity());
        doc.select(Selection.NONE);
        problems.activate(empty);
        assertEquals(Selection.flow("Empty"), doc.selection());
    }

    @Test
    void fileProblemsStayAndRevealTheirFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "kistype: flow\nflows: [\n");
        Problem p = Problem.error(broken, 2, "", "broken.yaml: the YAML is not valid");
        problems.projectLoaded(doc.state().configs(), Map.of(), List.of(p));
        ProblemRow row = problems.rows().get(0);
        assertTrue(row.fromFile());
        assertNull(row.object());
        problems.activate(row);
        assertEquals(new Origin(broken, 2), problems.revealedFileProperty().get());

        YamlViewModel yaml = new YamlViewModel(doc);
        yaml.showFile(problems.revealedFileProperty().get());
        assertEquals("kistype: flow\nflows: [\n", yaml.textProperty().get());
        assertEquals(2, yaml.markedLineProperty().get());
    }

    @Test
    void problemsInAnObjectsFileAreTiedToThatObject(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path file = dir.resolve("func-VerifyStu.yaml");
        problems.projectLoaded(doc.state().configs(), Map.of(ObjectRef.func("VerifyStu"), new Origin(file, 1)),
                List.of(Problem.warning(file, 4, "VerifyStu", "unknown key 'colour' is kept")));
        ProblemRow row = problems.rows().get(0);
        assertEquals(ObjectRef.func("VerifyStu"), row.object());
        assertEquals(file + ":4", row.where());
        problems.activate(row);
        assertEquals(Selection.step("StuScore", 0), doc.selection(), "a function's problem selects its first card");
    }

    @Test
    void theYamlViewShowsTheSelectionAsExported() {
        YamlViewModel yaml = new YamlViewModel(doc);
        doc.select(Selection.connector("ScoreStore"));
        assertEquals(ConfigExporter.renderConn(doc.state().configs().conn("ScoreStore"), doc.state().configs()), yaml.textProperty().get());
        doc.select(Selection.step("StuScore", 1));
        assertEquals(ConfigExporter.renderFunc(doc.state().configs().func("AvgStuScore")), yaml.textProperty().get());
        assertTrue(yaml.titleProperty().get().contains("func-AvgStuScore.yaml"));
        doc.perform(FunctionEdits.setMode("AvgStuScore", "Verify"));
        assertTrue(yaml.textProperty().get().contains("fmode: Verify"), "the YAML follows edits");
        doc.select(Selection.NONE);
        assertEquals("", yaml.textProperty().get());
    }

    @Test
    void theYamlTabNamesTheNewFileAsTheProjectWritesIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("func-Calc.yml"), "kistype: func\nfname: Calc\nfmode: Calculate\nsource:\n  name: s\n  must:\n  - a\n");
        Files.writeString(dir.resolve("flow-F.yml"), "kistype: flow\nstatus: 1\nflow_name: F\nflows:\n  - fname: Calc\n");
        io.kisflow.designer.project.ProjectFiles files = io.kisflow.designer.project.ProjectFiles.open(dir);
        ProjectDocument own = new ProjectDocument();
        own.open(dir, new io.kisflow.designer.edit.DesignState(files.configs(), files.layout()),
                new io.kisflow.designer.edit.DesignState(files.configs(), files.layout()));
        YamlViewModel yaml = new YamlViewModel(own);
        yaml.setNewFileSource(files::newFile);
        own.select(Selection.function("Calc"));
        String title = yaml.titleProperty().get();
        assertTrue(title.contains("Save writes a new file as func-Calc.yml"), title);
        assertTrue(!title.contains("and by Save for a new file"), "a .yml project never gets Go's .yaml name: " + title);

        YamlViewModel goStyle = new YamlViewModel(doc);
        goStyle.setNewFileSource(ref -> new io.kisflow.designer.project.ProjectFiles.NewFile(ConfigExporter.fileName(ref), true));
        doc.select(Selection.function("AvgStuScore"));
        assertTrue(goStyle.titleProperty().get().endsWith("func-AvgStuScore.yaml by Export (and by Save for a new file)"),
                goStyle.titleProperty().get());
    }
}
