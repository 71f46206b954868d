package io.kisflow.designer.problems;

import io.kisflow.cli.Cli;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.FunctionEdits;
import io.kisflow.designer.files.ProjectSession;
import io.kisflow.engine.Engine;
import io.kisflow.engine.ProjectCheck;
import io.kisflow.samples.SamplesPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The designer's Problems list and {@code validate} come from one source ({@link ProjectCheck}):
 * for the same files they show the same findings, functions and connectors without code included.
 */
class SameFindingsTest {
    @TempDir
    Path tmp;

    @Test
    void aRenameThatCutsFunctionsOffFromTheirCodeShowsTheSameInBothPlaces() throws IOException {
        Path project = tmp.resolve("project");
        copyTree(Path.of("conf-samples"), project);

        ProjectDocument doc = new ProjectDocument();
        ProjectSession session = new ProjectSession(doc, tmp.resolve("state"), doc::state);
        ProblemsViewModel problems = new ProblemsViewModel(doc);
        session.filesProperty().addListener((o, a, f) -> problems.projectLoaded(f.configs(), f.origins(), f.loadProblems()));
        session.open(project);
        // the code as the designer loads it: the samples plugin and the project's function sources
        io.kisflow.code.ProjectCode sources = io.kisflow.code.ProjectCode.load(project);
        Engine.Builder b = Engine.builder().configs(doc.state().configs()).plugin(new SamplesPlugin());
        sources.plugins().forEach(b::plugin);
        try (Engine engine = b.build()) {
            problems.codeProperty().set(ProjectCheck.Code.of(engine)
                    .withSources(sources.problems(), sources.uncompiledFunctions(doc.state().configs().funcs().keySet())));
        }
        assertEquals(validate(project), shown(problems), "the files as opened");

        assertTrue(doc.perform(FunctionEdits.rename("AvgStuScore", "AverageScore")));
        List<String> live = shown(problems);
        assertTrue(live.stream().anyMatch(l -> l.contains("student-score/func-AvgStuScore.yml:1: warning: function AverageScore (used by flow ")),
                "the designer says the renamed function has no code, before any save: " + live);
        session.applySave(session.planSave());
        problems.projectSaved(session.filesProperty().get().origins());
        assertEquals(validate(project), shown(problems), "the files as saved");
        assertEquals(live, shown(problems), "saving changes no finding");
    }

    private static List<String> shown(ProblemsViewModel problems) {
        return problems.rows().stream().map(r -> r.problem().toString()).sorted().toList();
    }

    private static List<String> validate(Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Cli.run(new String[] {"validate", "--conf", dir.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, exit);
        return out.toString(StandardCharsets.UTF_8).lines().sorted().toList();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
