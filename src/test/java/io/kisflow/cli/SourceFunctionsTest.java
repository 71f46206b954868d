package io.kisflow.cli;

import io.kisflow.code.ProjectCode;
import io.kisflow.config.ConfigLoader;
import io.kisflow.engine.Engine;
import io.kisflow.engine.KisFlowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** functions/*.java of a project: compiled in process by run and validate, errors as FILE:LINE:COLUMN. */
class SourceFunctionsTest {
    static final String FLOW = "kistype: flow\nstatus: 1\nflow_name: Grades\nflows:\n  - fname: Grade\n";
    static final String FUNC = "kistype: func\nfname: Grade\nfmode: Calculate\nsource:\n  name: scores\n  must:\n    - stu_id\n";

    /** Java 17 syntax the compiler must read: a record, a switch expression, a text block, var and a lambda. */
    static final String GRADE = """
            package grades;

            import io.kisflow.engine.KisPlugin;
            import io.kisflow.engine.Pool;

            public class Grade implements KisPlugin {
                record Score(int stu_id, int score) {
                }

                static final String FORMAT = \"""
                        %d:%s\""";

                @Override
                public void register(Pool pool) {
                    pool.faas("Grade", Score.class, (flow, rows) -> {
                        for (var s : rows) {
                            String grade = switch (s.score() / 10) {
                                case 10, 9 -> "A";
                                case 8 -> "B";
                                default -> "C";
                            };
                            flow.commitRow(FORMAT.formatted(s.stu_id(), grade));
                        }
                    });
                }
            }
            """;

    private static Path project(Path dir, String source) throws Exception {
        Files.writeString(dir.resolve("flow-Grades.yml"), FLOW);
        Files.writeString(dir.resolve("func-Grade.yml"), FUNC);
        Files.createDirectories(dir.resolve("functions"));
        Files.writeString(dir.resolve("functions/Grade.java"), source);
        return dir;
    }

    @Test
    void aRecordSwitchAndTextBlockSourceRunsViaRun(@TempDir Path dir) throws Exception {
        project(dir, GRADE);
        CliRunner r = CliRunner.runWithStdin("{\"stu_id\":1,\"score\":95}\n{\"stu_id\":2,\"score\":81}\n{\"stu_id\":3,\"score\":40}\n",
                "run", "--conf", dir.toString(), "--flow", "Grades", "--json", "--input", "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"1:A\""), r.out());
        assertTrue(r.out().contains("\"2:B\""), r.out());
        assertTrue(r.out().contains("\"3:C\""), r.out());
    }

    @Test
    void validateIsCleanWhenTheSourceCompiles(@TempDir Path dir) throws Exception {
        project(dir, GRADE);
        CliRunner r = CliRunner.run("validate", "--conf", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
    }

    @Test
    void compileErrorsAreFileLineColumnMessageAndExitOne(@TempDir Path dir) throws Exception {
        // line 22: an unknown variable at column 61
        project(dir, GRADE.replace("flow.commitRow(FORMAT.formatted(s.stu_id(), grade));",
                "flow.commitRow(FORMAT.formatted(s.stu_id(), grad));"));
        CliRunner r = CliRunner.run("validate", "--conf", dir.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        Path file = dir.resolve("functions/Grade.java");
        assertTrue(r.out().lines().anyMatch(l -> l.equals(file + ":22:61: grad cannot be resolved to a variable")), r.out());
        // the function whose class is named after it carries the error too (its card is marked in the designer)
        assertTrue(r.out().contains("function Grade has code in functions/Grade.java, which does not compile"), r.out());
        assertFalse(r.out().contains("has no code"), r.out());

        CliRunner run = CliRunner.run("run", "--conf", dir.toString(), "--flow", "Grades");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains(file + ":22:61: grad cannot be resolved to a variable"), run.err());
        assertTrue(run.err().contains("do not compile"), run.err());
    }

    @Test
    void aPluginClassWithoutAPublicNoArgumentConstructorIsNamed(@TempDir Path dir) throws Exception {
        project(dir, GRADE.replace("public class Grade implements KisPlugin {",
                "public class Grade implements KisPlugin {\n    public Grade(int x) {\n    }\n"));
        CliRunner r = CliRunner.run("validate", "--conf", dir.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains(dir.resolve("functions/Grade.java") + ":6: class grades.Grade implements KisPlugin but has no public constructor"), r.out());
    }

    @Test
    void aChangedSourceIsRecompiledIntoANewClassLoader(@TempDir Path dir) throws Exception {
        project(dir, GRADE);
        ProjectCode first = ProjectCode.load(dir);
        Files.writeString(dir.resolve("functions/Grade.java"), GRADE.replace("case 8 -> \"B\";", "case 8 -> \"B+\";"));
        ProjectCode second = ProjectCode.load(dir);
        assertTrue(first.plugins().get(0).getClass().getClassLoader() != second.plugins().get(0).getClass().getClassLoader());
        assertEquals(List.of("2:B"), run(first));
        assertEquals(List.of("2:B+"), run(second));
    }

    private static List<Object> run(ProjectCode code) throws Exception {
        Path any = Files.createTempDirectory("grades");
        Files.writeString(any.resolve("flow-Grades.yml"), FLOW);
        Files.writeString(any.resolve("func-Grade.yml"), FUNC);
        Engine.Builder b = Engine.builder().configs(ConfigLoader.load(any).configs());
        code.plugins().forEach(b::plugin);
        try (Engine engine = b.build()) {
            KisFlowRun flow = engine.flow("Grades");
            flow.commitRow(java.util.Map.of("stu_id", 2, "score", 85));
            flow.run();
            return flow.levels().stream().filter(l -> l.name().equals("Grade")).findFirst().orElseThrow().rows();
        }
    }

    /** The sample of conf-samples/source-code: its functions and its connector's code are sources; the file connector writes JSON lines. */
    @Test
    void theSourceCodeSampleRunsAndWritesItsFile(@TempDir Path tmp) throws Exception {
        Path sample = tmp.resolve("source-code");
        Files.createDirectories(sample.resolve("functions"));
        try (var files = Files.walk(Path.of("conf-samples/source-code"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = sample.resolve(Path.of("conf-samples/source-code").relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        Path store = tmp.resolve("store");
        Path conn = sample.resolve("conn-GradeFile.yml");
        Files.writeString(conn, Files.readString(conn).replace("addrs: .kisflow-store", "addrs: " + store));
        CliRunner r = CliRunner.run("run", "--conf", sample.toString(), "--flow", "GradeStudents", "--json",
                "--input", sample.resolve("input.jsonl").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("{\"stu_id\":201,\"grade\":\"A\",\"report\":\"student 201: A (93)\"}",
                "{\"stu_id\":202,\"grade\":\"C\",\"report\":\"student 202: C (78)\"}",
                "{\"stu_id\":204,\"grade\":\"F\",\"report\":\"student 204: F (55)\"}"),
                Files.readAllLines(store.resolve("grades.jsonl")));
    }
}
