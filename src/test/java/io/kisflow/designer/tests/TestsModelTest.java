package io.kisflow.designer.tests;

import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.SessionDriver;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.debug.diff.DiffModel;
import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.debug.link.ProjectDebugger;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.FunctionEdits;
import io.kisflow.designer.files.ProjectSession;
import io.kisflow.designer.code.CodeWorkspace;
import io.kisflow.designer.project.FileChange;
import io.kisflow.designer.project.RecoveryStore;
import io.kisflow.designer.project.SavePlan;
import io.kisflow.config.FuncOption;
import io.kisflow.flowtest.FlowTestCase;
import io.kisflow.flowtest.FlowTestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Tests tab's model and "Save run as test" with the real document, session files, debugger and
 * compiler: the case file a run becomes (input, the Load's rows as pins, the checked levels), saved
 * through the save plan, undo and recovery; the sample cases run and pass; an edit makes the cases
 * covering it stale, undo makes them current; a failure's rows go to the diff model; Cancel.
 */
class TestsModelTest {
    @TempDir
    Path tmp;
    ProjectDocument doc;
    ProjectSession session;
    ProjectDebugger dbg;
    CodeWorkspace code;
    TestsModel tests;

    private void open(Path dir, Executor background) {
        doc = new ProjectDocument();
        session = new ProjectSession(doc, tmp.resolve("state"), doc::state);
        dbg = new ProjectDebugger(doc, DebugOptions.defaults().withMetrics(false), Runnable::run, Runnable::run);
        code = new CodeWorkspace(doc, dbg, Runnable::run, -1);
        tests = new TestsModel(doc, code::compiled, code::compilePending,
                () -> new TestEngine(doc.state().configs(), true, code.compiled().plugins(), List.of()), background, Runnable::run);
        try {
            session.open(dir);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        code.compileNow();
    }

    @AfterEach
    void close() {
        if (code != null) {
            code.close();
            dbg.close();
        }
    }

    /** A project whose Load reads a file store at an absolute path (so the test writes nothing outside tmp), ranked by the samples' RankScores. */
    private Path loadProject() throws Exception {
        Path dir = tmp.resolve("ranks");
        Files.createDirectories(dir);
        Path store = tmp.resolve("store");
        Files.createDirectories(store);
        Files.writeString(store.resolve("avg.jsonl"), "{\"stu_id\":101,\"avg_score\":84}\n{\"stu_id\":104,\"avg_score\":97.5}\n");
        Files.writeString(dir.resolve("conn-Store.yml"), "kistype: conn\ncname: Store\naddrs: " + store + "\ntype: file\nkey: avg.jsonl\nload:\n  - LoadAvgScore\n");
        Files.writeString(dir.resolve("func-LoadAvgScore.yml"), "kistype: func\nfname: LoadAvgScore\nfmode: Load\nsource:\n  name: avg\noption:\n  cname: Store\n");
        Files.copy(Path.of("conf-samples/storage/func-RankScores.yml"), dir.resolve("func-RankScores.yml"));
        Files.writeString(dir.resolve("flow-Ranks.yml"), "kistype: flow\nstatus: 1\nflow_name: Ranks\nflows:\n  - fname: LoadAvgScore\n  - fname: RankScores\n");
        Files.writeString(dir.resolve(".kisflow-studio.json"), "{\n  \"version\": 1,\n  \"builtInPlugins\": [\n    \"samples\"\n  ]\n}\n");
        return dir;
    }

    private void runFlow(String flow) {
        DebugSession s = dbg.session();
        SessionDriver driver = SessionDriver.wrap(s);
        assertTrue(s.run(flow), s.messageProperty().get());
        driver.await(SessionState.FINISHED, SessionState.FAILED);
        assertEquals(SessionState.FINISHED, s.state(), s.messageProperty().get());
    }

    @Test
    void aRealRunBecomesACaseWhoseLoadRowsArePinnedSoItPassesWithTheStoreGone() throws Exception {
        Path dir = loadProject();
        open(dir, Runnable::run);
        dbg.session().flow("Ranks").input().textProperty().set("all");
        runFlow("Ranks");

        SaveRunAsTestModel m = SaveRunAsTestModel.forFlow(doc, dbg.session(), "Ranks");
        assertEquals("Ranks", m.name.get());
        assertEquals(List.of("FunctionIDFirstVirtual", "LoadAvgScore", "RankScores"), m.levels().stream().map(l -> l.level.name()).toList());
        assertFalse(m.level("LoadAvgScore").checked.get(), "the Load's rows are the case's premise (pinned), not checked by default");
        assertTrue(m.level("RankScores").checked.get());
        assertTrue(m.save());

        FlowTestCase c = FlowTestFiles.parse(Path.of("Ranks.json"), doc.state().code().get("tests/Ranks.json"));
        assertEquals("Ranks", c.flow());
        assertEquals(List.of("all"), c.input());
        assertEquals(List.of(Map.of("stu_id", 101, "avg_score", 84), Map.of("stu_id", 104, "avg_score", 97.5)),
                c.pinned().get("LoadAvgScore"), "the recorded connector call's rows are the case's mock");
        assertEquals(List.of("RankScores"), List.copyOf(c.expect().keySet()));
        assertEquals(List.of(Map.of("stu_id", 104, "avg_score", 97.5, "rank", 1), Map.of("stu_id", 101, "avg_score", 84.0, "rank", 2)),
                c.expect().get("RankScores"), "RankScores commits its averages as doubles");

        // part of the project like a source file: listed, recovered, saved, undone
        assertEquals(List.of("Ranks"), tests.cases().stream().map(TestCaseRow::name).toList());
        assertEquals("Ranks", tests.find("Ranks").flowProperty().get());
        assertTrue(session.autosave(doc.state(), doc.isDirty()));
        assertEquals(doc.state().code().get("tests/Ranks.json"),
                new RecoveryStore(tmp.resolve("state")).find(dir).orElseThrow().code().get("tests/Ranks.json"));
        SavePlan plan = session.planSave();
        FileChange change = plan.changes().stream().filter(ch -> ch.path().equals(dir.resolve("tests/Ranks.json"))).findFirst().orElseThrow();
        assertEquals(FileChange.Kind.CREATE, change.kind());
        session.applySave(plan);
        assertEquals(change.newText(), Files.readString(dir.resolve("tests/Ranks.json")));

        // no storage: the case runs on its pins, dry
        Files.delete(tmp.resolve("store/avg.jsonl"));
        tests.runAll();
        assertEquals(TestStatus.PASSED, tests.find("Ranks").status(), tests.find("Ranks").detailProperty().get());
        assertEquals("1 test: 1 passed, 0 failed", tests.messageProperty().get());

        doc.undo();
        assertFalse(doc.state().code().containsKey("tests/Ranks.json"));
        assertEquals(List.of(), tests.cases());
        doc.redo();
        assertEquals(List.of("Ranks"), tests.cases().stream().map(TestCaseRow::name).toList());
    }

    @Test
    void theSampleCasesPassAndAnEditMakesOnlyTheCasesCoveringItStaleUntilUndone() throws Exception {
        Path dir = tmp.resolve("samples");
        copyTree(Path.of("conf-samples"), dir);
        open(dir, Runnable::run);
        assertEquals(List.of("LoadScores-pinned", "LogReport", "SaveScores", "StuScore-pinned-average", "StuScore"),
                tests.cases().stream().map(TestCaseRow::name).toList());
        assertTrue(tests.cases().stream().allMatch(c -> c.status() == TestStatus.NOT_RUN));

        tests.runAll();
        for (TestCaseRow row : tests.cases()) {
            assertEquals(TestStatus.PASSED, row.status(), row.name() + ": " + row.detailProperty().get());
        }
        assertEquals("5 tests: 5 passed, 0 failed", tests.messageProperty().get());

        // VerifyStu is in StuScore and SaveScores: their cases go stale, the others keep their result
        doc.perform(FunctionEdits.update("VerifyStu", "max score 90", f -> f.withOption(new FuncOption(f.option().cname(),
                f.option().retryTimes(), f.option().returnDuration(), Map.of("max_score", "90"), f.option().extra()))));
        assertEquals(TestStatus.STALE, tests.find("StuScore").status());
        assertEquals(TestStatus.STALE, tests.find("StuScore-pinned-average").status());
        assertEquals(TestStatus.STALE, tests.find("SaveScores").status());
        assertEquals("changed since it ran: run it again", tests.find("SaveScores").detailProperty().get());
        assertEquals(TestStatus.PASSED, tests.find("LogReport").status());
        assertEquals(TestStatus.PASSED, tests.find("LoadScores-pinned").status());

        doc.undo();
        assertEquals(TestStatus.PASSED, tests.find("StuScore").status(), "undo takes the edit back: the result holds again");

        // typing in a function source marks the cases of the flows whose functions it registers
        doc.perform(TestEdits.write("Grades", "{ \"flow\": \"GradeStudents\", \"input\": [] }\n", false));
        tests.run(List.of("Grades"));
        assertTrue(tests.find("Grades").status() == TestStatus.PASSED || tests.find("Grades").status() == TestStatus.FAILED);
        String file = "source-code/functions/GradeScore.java";
        doc.typeCode(file, doc.state().code().get(file) + "// edited\n");
        assertEquals(TestStatus.STALE, tests.find("Grades").status());
        assertEquals(TestStatus.PASSED, tests.find("StuScore").status());
    }

    @Test
    void aFailedCaseShowsItsExpectedAndActualRowsInTheDiffModel() throws Exception {
        Path dir = tmp.resolve("samples");
        copyTree(Path.of("conf-samples"), dir);
        open(dir, Runnable::run);
        String text = doc.state().code().get("tests/StuScore.json");
        String wrong = text.replace("avg score: [84.00]", "avg score: [85.00]");
        assertFalse(wrong.equals(text), "the sample case holds the row this test changes");
        assertTrue(doc.perform(TestEdits.write("StuScore", wrong, true)));
        assertEquals(wrong, doc.state().code().get("tests/StuScore.json"), "replacing a case changes its text (no typed text overrides it)");

        tests.run(List.of("StuScore"));
        TestCaseRow row = tests.find("StuScore");
        assertEquals(TestStatus.FAILED, row.status());
        assertEquals("level PrintStuAvgScore: expected 3 rows, got 3", row.detailProperty().get());
        assertEquals(List.of("PrintStuAvgScore"), tests.differingLevels(row));

        DiffModel diff = new DiffModel(Runnable::run, Runnable::run);
        assertTrue(tests.compare(row, "PrintStuAvgScore", diff));
        assertEquals("expected PrintStuAvgScore", diff.leftProperty().get().name());
        assertEquals("actual PrintStuAvgScore", diff.rightProperty().get().name());
        assertTrue(diff.leftProperty().get().rows().contains("stuid: [101], avg score: [85.00]"));
        assertTrue(diff.rightProperty().get().rows().contains("stuid: [101], avg score: [84.00]"));
        assertEquals(2, diff.sameProperty().get(), "102 and 104 are the same on both sides");
        assertTrue(diff.changedProperty().get() == 1 || (diff.removedProperty().get() == 1 && diff.addedProperty().get() == 1),
                "101's row differs: changed, or removed and added");
    }

    @Test
    void cancelBeforeTheRunStartsLeavesTheCasesAsTheyWereAndSaysSo() throws Exception {
        Path dir = tmp.resolve("samples");
        copyTree(Path.of("conf-samples"), dir);
        List<Runnable> queued = new ArrayList<>();
        open(dir, queued::add);
        assertNotNull(tests.runAll());
        assertTrue(tests.runningProperty().get());
        assertTrue(tests.cases().stream().allMatch(c -> c.status() == TestStatus.RUNNING));
        assertNull(tests.runAll(), "one run at a time");
        assertEquals("tests are running: wait for them or cancel them first", tests.messageProperty().get());

        tests.cancel();
        queued.forEach(Runnable::run);
        assertFalse(tests.runningProperty().get());
        assertEquals("Cancelled after 0 of 5 tests", tests.messageProperty().get());
        assertTrue(tests.cases().stream().allMatch(c -> c.status() == TestStatus.NOT_RUN));
    }

    @Test
    void aStoppedRunOrNoRunCannotBeSavedAndABadNameIsRefused() throws Exception {
        Path dir = tmp.resolve("samples");
        copyTree(Path.of("conf-samples"), dir);
        open(dir, Runnable::run);
        IllegalStateException none = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> SaveRunAsTestModel.forFlow(doc, dbg.session(), "StuScore"));
        assertEquals("flow StuScore has no finished run; run it (F5), check its levels, then save the run as a test", none.getMessage());

        runFlow("StuScore");
        SaveRunAsTestModel m = SaveRunAsTestModel.forFlow(doc, dbg.session(), "StuScore");
        assertEquals("StuScore-2", m.name.get(), "StuScore is taken by a sample case");
        m.name.set("../escape");
        assertEquals("'../escape' cannot name a test file: use letters, digits, '-', '_' and '.'", m.problem());
        m.name.set("StuScore");
        assertTrue(m.exists());
        m.levels().forEach(l -> l.checked.set(false));
        assertEquals("check at least one level: a test compares the rows of the levels it checks", m.problem());
        m.level("AvgStuScore").checked.set(true);
        m.ignore.set("$.avg_score, stu_id");
        m.ordered.set(false);
        assertNull(m.problem());
        assertTrue(m.save());
        FlowTestCase c = FlowTestFiles.parse(Path.of("StuScore.json"), doc.state().code().get("tests/StuScore.json"));
        assertEquals(List.of("$.avg_score", "stu_id"), c.ignore());
        assertEquals(Boolean.FALSE, c.ordered());
        assertEquals(4, c.input().size());
        assertNull(c.pinned(), "every function of StuScore has plugin code: nothing to pin");
        assertEquals(List.of("AvgStuScore"), List.copyOf(c.expect().keySet()));
        assertEquals("Replace test StuScore", doc.history().undoDescriptionProperty().get());
        String replaced = doc.state().code().get("tests/StuScore.json");
        doc.undo();
        assertFalse(replaced.equals(doc.state().code().get("tests/StuScore.json")), "undo puts the sample case back");
        assertEquals(Files.readString(dir.resolve("tests/StuScore.json")), doc.state().code().get("tests/StuScore.json"));
    }

    static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
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
