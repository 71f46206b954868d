package io.kisflow.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code test}: the sample cases, a failing case's side-by-side rows, ignore and unordered, --junit, --case, bad files. */
class TestCommandTest {
    @TempDir
    Path project;

    /** The StuScore sample's configs, without its cases. */
    @BeforeEach
    void copyStuScore() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("conf-samples/student-score"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                Files.copy(f, project.resolve(f.getFileName()));
            }
        }
        Files.createDirectories(project.resolve("tests"));
    }

    private void writeCase(String name, String json) throws IOException {
        Files.writeString(project.resolve("tests").resolve(name + ".json"), json);
    }

    private static final String INPUT = """
              "input": [
                {"stu_id": 101, "score_1": 90, "score_2": 85, "score_3": 77},
                {"stu_id": 102, "score_1": 60, "score_2": 70, "score_3": 80}
              ],
            """;

    @Test
    void theSampleCasesPass() {
        CliRunner r = CliRunner.run("test", "--conf", "conf-samples");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("PASS StuScore ("), r.out());
        assertTrue(r.out().contains("PASS LogReport ("), r.out());
        assertTrue(r.out().contains("PASS LoadScores-pinned ("), r.out());
        assertTrue(r.out().contains("5 cases: 5 passed, 0 failed"), r.out());
    }

    @Test
    void aFailingCaseShowsTheDifferingRowsSideBySide() throws IOException {
        writeCase("wrong-average", "{\n  \"flow\": \"StuScore\",\n" + INPUT + """
                  "expect": {
                    "AvgStuScore": [ {"stu_id": 101, "avg_score": 85}, {"stu_id": 102, "avg_score": 70} ],
                    "VerifyStu": [ {"stu_id": 101, "score_1": 90, "score_2": 85, "score_3": 77},
                                   {"stu_id": 102, "score_1": 60, "score_2": 70, "score_3": 80} ]
                  }
                }""");
        CliRunner r = CliRunner.run("test", "--conf", project.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("FAIL wrong-average \\(\\d+ ms\\)"), lines[0]);
        assertEquals("    level AvgStuScore: expected 2 rows, got 2", lines[1]);
        assertTrue(lines[2].contains("expected") && lines[2].contains("| actual"), lines[2]);
        // only row 1 differs (70 equals 70.0); expected on the left, actual on the right
        assertTrue(lines[3].matches(" +1 +\\{\"stu_id\":101,\"avg_score\":85\\} +\\| \\{\"stu_id\":101,\"avg_score\":84.0\\}"), lines[3]);
        assertEquals("1 case: 0 passed, 1 failed", lines[4]);
    }

    @Test
    void ignoredFieldsAndUnorderedRowsCompareWhatIsLeft() throws IOException {
        String expect = """
                  "expect": { "AvgStuScore": [ {"stu_id": 102, "avg_score": 1}, {"stu_id": 101, "avg_score": 2} ] },
                  "ignore": ["$.avg_score"]""";
        writeCase("unordered", "{\n  \"flow\": \"StuScore\",\n" + INPUT + expect + ",\n  \"ordered\": false\n}");
        writeCase("ordered", "{\n  \"flow\": \"StuScore\",\n" + INPUT + expect + "\n}");
        CliRunner r = CliRunner.run("test", "--conf", project.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("PASS unordered ("), r.out());
        // in order, both rows differ, with avg_score gone from each side
        assertTrue(r.out().contains("FAIL ordered ("), r.out());
        assertTrue(r.out().matches("(?s).* 1 +\\{\"stu_id\":102\\} +\\| \\{\"stu_id\":101\\}\n.* 2 +\\{\"stu_id\":101\\} +\\| \\{\"stu_id\":102\\}\n.*"), r.out());
    }

    @Test
    void junitReportHasATestcasePerCaseAndTheFailureText() throws Exception {
        writeCase("good", "{\n  \"flow\": \"StuScore\",\n" + INPUT + "  \"expect\": { \"PrintStuAvgScore\": "
                + "[\"stuid: [101], avg score: [84.00]\", \"stuid: [102], avg score: [70.00]\"] }\n}");
        writeCase("bad", "{\n  \"flow\": \"StuScore\",\n" + INPUT + "  \"expect\": { \"PrintStuAvgScore\": [] }\n}");
        Path report = project.resolve("out/report.xml");
        CliRunner r = CliRunner.run("test", "--conf", project.toString(), "--junit", report.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        Element bad = (Element) cases.item(0);
        Element good = (Element) cases.item(1);
        assertEquals("bad", bad.getAttribute("name"));
        assertEquals("good", good.getAttribute("name"));
        assertEquals(0, good.getElementsByTagName("failure").getLength());
        Element failure = (Element) bad.getElementsByTagName("failure").item(0);
        assertEquals("level PrintStuAvgScore: expected 0 rows, got 2", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("| \"stuid: [101], avg score: [84.00]\""), failure.getTextContent());
    }

    @Test
    void caseRunsOnlyTheNamedCase() throws IOException {
        writeCase("one", "{ \"flow\": \"StuScore\" }");
        writeCase("two", "{ \"flow\": \"StuScore\", \"expectError\": \"never\" }");
        CliRunner r = CliRunner.run("test", "--conf", project.toString(), "--case", "one");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("PASS one ("), r.out());
        assertFalse(r.out().contains("two"), r.out());
        CliRunner unknown = CliRunner.run("test", "--conf", project.toString(), "--case", "three");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("--case three: no such case in") && unknown.err().contains("cases there: one, two"), unknown.err());
    }

    @Test
    void aMalformedCaseFileFailsWithItsFileAndLine() throws IOException {
        writeCase("broken", "{\n  \"flow\": \"StuScore\",\n  \"input\": [1, 2,,]\n}");
        writeCase("typo", "{\n  \"flow\": \"StuScore\",\n\n  \"expcet\": {}\n}");
        writeCase("fine", "{ \"flow\": \"StuScore\" }");
        CliRunner r = CliRunner.run("test", "--conf", project.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        Path tests = project.resolve("tests");
        assertTrue(r.out().contains("FAIL broken ("), r.out());
        assertTrue(r.out().contains(tests.resolve("broken.json") + ":3: not a flow test case"), r.out());
        assertTrue(r.out().contains(tests.resolve("typo.json") + ":4: not a flow test case: Unrecognized field \"expcet\""), r.out());
        assertTrue(r.out().contains("PASS fine ("), r.out());
    }

    @Test
    void expectedActionsAndErrorsAreChecked() throws IOException {
        writeCase("actions", "{ \"flow\": \"StuScore\", \"input\": [{\"stu_id\": 1, \"score_1\": 1, \"score_2\": 1, \"score_3\": 1}],"
                + " \"expectActions\": { \"VerifyStu\": [\"ActionAbort\"] } }");
        writeCase("error", "{ \"flow\": \"StuScore\", \"expectError\": \"boom\" }");
        CliRunner r = CliRunner.run("test", "--conf", project.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("    actions of VerifyStu: expected [ActionAbort], got []"), r.out());
        assertTrue(r.out().contains("    expected an error containing \"boom\"; the run succeeded"), r.out());
    }

    @Test
    void aCaseRunsDryAndWritesNothingThroughItsConnector() throws IOException {
        Path store = project.resolve("store");
        try (Stream<Path> files = Files.list(Path.of("conf-samples/storage"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f).replace("addrs: .kisflow-store", "addrs: " + store);
                Files.writeString(project.resolve(f.getFileName()), text);
            }
        }
        Files.copy(Path.of("conf-samples/tests/SaveScores.json"), project.resolve("tests/SaveScores.json"));
        writeCase("unpinned-load", "{ \"flow\": \"LoadScores\" }");
        CliRunner r = CliRunner.run("test", "--conf", project.toString());
        assertTrue(r.out().contains("PASS SaveScores ("), r.out());
        assertFalse(Files.exists(store), "the dry run wrote " + store);
        // a Load must be pinned: the failure says how
        assertTrue(r.out().contains("FAIL unpinned-load (") && r.out().contains("pin its rows in the case (\"pinned\""), r.out());
    }

    @Test
    void noTestsFolderIsAnError() throws IOException {
        Files.delete(project.resolve("tests"));
        CliRunner r = CliRunner.run("test", "--conf", project.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no test cases in " + project.resolve("tests")), r.err());
    }

    /**
     * Cases run at once on one engine, each with its own pinned rows: every case sees its own pins
     * (they were one field shared by all cases before the runs went parallel), and the lines come
     * out in file order whatever order the cases finish in.
     */
    @Test
    void casesRunInParallelEachWithItsOwnPinsAndPrintInFileOrder() throws IOException {
        for (int i = 1; i <= 30; i++) {
            writeCase(String.format("case-%02d", i), "{\n  \"flow\": \"StuScore\",\n" + INPUT
                    + "  \"pinned\": {\"AvgStuScore\": [{\"stu_id\": " + i + ", \"avg_score\": " + (50 + i) + "}]},\n"
                    + "  \"expect\": {\"PrintStuAvgScore\": [\"stuid: [" + i + "], avg score: [" + (50 + i) + ".00]\"]}\n}\n");
        }
        CliRunner r = CliRunner.run("test", "--conf", project.toString(), "--threads", "4");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("30 cases: 30 passed, 0 failed"), r.out());
        java.util.List<String> order = r.out().lines().filter(l -> l.startsWith("PASS ")).map(l -> l.split(" ")[1]).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> String.format("case-%02d", i)).toList(), order);

        CliRunner zero = CliRunner.run("test", "--conf", project.toString(), "--threads", "0");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--threads needs a positive whole number, not '0'"), zero.err());
    }
}
