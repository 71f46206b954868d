package io.kisflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("conf-samples");

    @Test
    void quickStartPrintsEveryLevelInChainOrder() throws Exception {
        CliRunner r = CliRunner.run("run", "--conf", "conf-samples", "--flow", "StuScore", "--json",
                "--input", "conf-samples/student-score/input.jsonl");
        assertEquals(0, r.exit(), r.err());
        JsonNode levels = JSON.readTree(r.out());
        assertEquals(List.of("FunctionIDFirstVirtual", "VerifyStu", "AvgStuScore", "PrintStuAvgScore"), names(levels));
        assertEquals(4, levels.get("FunctionIDFirstVirtual").size());
        // student 103 has a score of 140 > max_score 100 and is dropped by VerifyStu
        assertEquals(3, levels.get("VerifyStu").size());
        assertEquals(84.0, levels.get("AvgStuScore").get(0).get("avg_score").asDouble());
        assertEquals("stuid: [101], avg score: [84.00]", levels.get("PrintStuAvgScore").get(0).asText());
        assertEquals("stuid: [104], avg score: [97.67]", levels.get("PrintStuAvgScore").get(2).asText());
    }

    @Test
    void withoutInputTheRunSaysItHadNoSourceRowsUnlessTheFlowStartsWithALoad() throws Exception {
        CliRunner r = CliRunner.runWithStdin("{\"stu_id\": 101}\n", "run", "--conf", "conf-samples", "--flow", "StuScore", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, JSON.readTree(r.out()).get("FunctionIDFirstVirtual").size());
        assertTrue(r.err().contains("note: no --input: flow 'StuScore' runs on no source rows; give --input FILE, or --input - to read standard input"), r.err());
    }

    @Test
    void actionsTourShowsDataReuseAndForceEntryNext() throws Exception {
        CliRunner r = CliRunner.runWithStdin("a\n\nINFO fine\n", "run", "--conf", "conf-samples", "--flow", "LogReport", "--input", "-");
        assertEquals(0, r.exit(), r.err());
        JsonNode levels = JSON.readTree(r.out());
        assertEquals(levels.get("TrimLines"), levels.get("CountLines"), "DataReuse: CountLines' level is its input");
        assertEquals(0, levels.get("KeepErrors").size(), "ForceEntryNext: an empty level, and the flow goes on");
        assertEquals("0 of 2 lines are errors", levels.get("Summarize").get(0).asText());
    }

    @Test
    void actionsTourShowsJumpFuncAndAbort() throws Exception {
        CliRunner r = CliRunner.run("run", "--conf", "conf-samples", "--flow", "RetryPoll", "--input", "conf-samples/actions/input-poll.txt");
        assertEquals(0, r.exit(), r.err());
        JsonNode levels = JSON.readTree(r.out());
        assertEquals("attempt 3: job-17", levels.get("CheckDone").get(0).asText());
        assertEquals("emitted attempt 3: job-18", levels.get("Emit").get(1).asText());

        CliRunner stopped = CliRunner.runWithStdin("job-1\nSTOP\n", "run", "--conf", "conf-samples", "--flow", "RetryPoll", "--input", "-");
        assertEquals(0, stopped.exit(), stopped.err());
        JsonNode stoppedLevels = JSON.readTree(stopped.out());
        assertTrue(stoppedLevels.has("GuardStop"));
        assertFalse(stoppedLevels.has("Emit"), "Abort stops the flow after GuardStop");
    }

    @Test
    void saveFlowAndLoadFlowShareTheConnectorStore(@TempDir Path tmp) throws Exception {
        Path conf = copySamples(tmp);
        Path conn = conf.resolve("storage/conn-ScoreStore.yml");
        Files.writeString(conn, Files.readString(conn).replace("addrs: .kisflow-store", "addrs: '" + tmp.resolve("store") + "'"));
        CliRunner save = CliRunner.run("run", "--conf", conf.toString(), "--flow", "SaveScores", "--json",
                "--input", "conf-samples/student-score/input.jsonl");
        assertEquals(0, save.exit(), save.err());
        // the built-in file connector wrote one JSON line per saved row
        assertEquals(3, Files.readAllLines(tmp.resolve("store/stu_avg_score.jsonl")).size());
        CliRunner load = CliRunner.run("run", "--conf", conf.toString(), "--flow", "LoadScores");
        assertEquals(0, load.exit(), load.err());
        assertFalse(load.err().contains("no --input"), "a flow that starts with a Load needs no input: " + load.err());
        JsonNode ranked = JSON.readTree(load.out()).get("RankScores");
        assertEquals(3, ranked.size());
        assertEquals(104, ranked.get(0).get("stu_id").asInt());
        assertEquals(1, ranked.get(0).get("rank").asInt());
        assertEquals(102, ranked.get(2).get("stu_id").asInt());
    }

    @Test
    void traceHasTheGoTraceShape(@TempDir Path tmp) throws Exception {
        Path trace = tmp.resolve("trace.json");
        CliRunner r = CliRunner.run("run", "--conf", "conf-samples", "--flow", "StuScore", "--json",
                "--input", "conf-samples/student-score/input.jsonl", "--trace", trace.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode t = JSON.readTree(trace.toFile());
        assertEquals("kisflow-go-trace/1", t.get("schema").asText());
        assertEquals("StuScore", t.get("flow_name").asText());
        assertEquals(List.of("VerifyStu", "AvgStuScore", "PrintStuAvgScore"), texts(t.get("call_order")));
        assertEquals(3, t.get("calls").size(), "each call recorded once");
        JsonNode first = t.get("calls").get(0);
        assertEquals("FunctionIDFirstVirtual", first.get("input_level").asText());
        assertEquals("100", first.get("params").get("max_score").asText());
        assertEquals(3, first.get("committed_rows").size());
        assertEquals(List.of("FunctionIDFirstVirtual", "VerifyStu", "AvgStuScore", "PrintStuAvgScore"),
                texts(t.get("final_data_map_level_order")));
    }

    @Test
    void aFailingRunIsOneLineOnStderrAndExitOne(@TempDir Path tmp) throws Exception {
        CliRunner r = CliRunner.runWithStdin("{\"stu_id\": \"not a number\"}\n", "run", "--conf", "conf-samples",
                "--flow", "StuScore", "--input", "-");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains("VerifyStu"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "no stack trace without --debug: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void aJumpLoopEndsWithAClearError(@TempDir Path tmp) throws Exception {
        Path conf = copySamples(tmp);
        Path flow = conf.resolve("actions/flow-RetryPoll.yml");
        Files.writeString(flow, Files.readString(flow).replace("max_attempts: \"3\"", "max_attempts: \"1000000\""));
        CliRunner r = CliRunner.run("run", "--conf", conf.toString(), "--flow", "RetryPoll", "--input",
                "conf-samples/actions/input-poll.txt", "--max-calls", "50");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("RetryPoll"), r.err());
        assertTrue(r.err().contains("50"), r.err());
        // the hint names the option a command-line user has, not the engine's builder method
        assertTrue(r.err().contains("make the loop end, or raise the limit: --max-calls N"), r.err());
        assertFalse(r.err().contains("Engine.Builder"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void badInputIsReportedWithItsLine() {
        CliRunner r = CliRunner.runWithStdin("{\"ok\":1}\n{broken\n", "run", "--conf", "conf-samples", "--flow", "StuScore", "--json", "--input", "-");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("standard input:2: not a JSON value"), r.err());
    }

    /** The input is read while the project loads; a project that cannot run is still what the run reports. */
    @Test
    void aProjectThatCannotRunIsReportedBeforeABadInput() {
        CliRunner noFlow = CliRunner.runWithStdin("{broken\n", "run", "--conf", "conf-samples", "--flow", "Nope", "--json", "--input", "-");
        assertEquals(1, noFlow.exit());
        assertTrue(noFlow.err().contains("no flow named 'Nope'"), noFlow.err());
        assertFalse(noFlow.err().contains("not a JSON value"), noFlow.err());
        CliRunner noConf = CliRunner.run("run", "--conf", "no/such/dir", "--flow", "X", "--input", "no/such/input.jsonl");
        assertEquals(1, noConf.exit());
        assertTrue(noConf.err().contains("--conf no/such/dir: no such file or directory"), noConf.err());
        assertFalse(noConf.err().contains("input.jsonl"), noConf.err());
    }

    @Test
    void unknownFlowListsTheFlowsThatExist() {
        CliRunner r = CliRunner.run("run", "--conf", "conf-samples", "--flow", "Nope");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no flow named 'Nope'"), r.err());
        assertTrue(r.err().contains("StuScore"), r.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRunner.run("run", "--flow", "X").exit());
        assertEquals(2, CliRunner.run("frobnicate").exit());
        CliRunner r = CliRunner.run("run", "--conf", "conf-samples", "--flow", "StuScore", "--max-calls", "zero");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--max-calls needs a positive whole number"), r.err());
        assertEquals(0, CliRunner.run("help").exit());
    }

    @Test
    void missingConfDirIsNamed() {
        CliRunner r = CliRunner.run("run", "--conf", "no/such/dir", "--flow", "X");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("--conf no/such/dir: no such file or directory"), r.err());
    }

    static Path copySamples(Path tmp) throws Exception {
        Path target = tmp.resolve("conf");
        try (var paths = Files.walk(SAMPLES)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(SAMPLES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
