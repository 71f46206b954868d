package io.kisflow.designer.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kisflow.config.ConfigExporter;
import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.FuncOption;
import io.kisflow.config.GlobalConfig;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save, export and open on a copy of Go's own test configs, asserting the files on disk. */
class ProjectFilesTest {

    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void copyLoadConf() throws IOException {
        dir = tmp.resolve("load_conf");
        copyTree(io.kisflow.SharedMaterial.loadConf(), dir);
    }

    // ---- helpers -------------------------------------------------------------------------------

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Every file below {@code root}: relative path to exact bytes (as ISO-8859-1 text, so any byte compares). */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private String read(String rel) throws IOException {
        return Files.readString(dir.resolve(rel));
    }

    private static void assertOnly(SavePlan plan, FileChange.Kind kind, Path... paths) {
        assertEquals(paths.length, plan.changes().size(), () -> "changes: " + plan.changes().stream().map(c -> c.kind() + " " + c.path()).toList());
        for (int i = 0; i < paths.length; i++) {
            int k = i;
            assertTrue(plan.changes().stream().anyMatch(c -> c.kind() == kind && c.path().equals(paths[k])),
                    () -> kind + " " + paths[k] + " expected in " + plan.changes().stream().map(c -> c.kind() + " " + c.path()).toList());
        }
    }

    /** Applies the plan and checks that only the planned files differ, by exactly the planned text. */
    private void applyAndCheck(ProjectFiles files, SavePlan plan) throws IOException {
        Map<String, String> before = snapshot(dir);
        files.apply(plan);
        Map<String, String> expected = new TreeMap<>(before);
        for (FileChange c : plan.changes()) {
            String rel = dir.relativize(c.path()).toString();
            if (c.kind() == FileChange.Kind.DELETE) {
                expected.remove(rel);
            } else {
                expected.put(rel, new String(c.newText().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
        }
        assertEquals(expected, snapshot(dir), "every file not in the plan is byte-identical, no temporary file is left");
    }

    // ---- open ----------------------------------------------------------------------------------

    @Test
    void openWithoutEditPlansNothing() throws Exception {
        Map<String, String> before = snapshot(dir);
        ProjectFiles files = ProjectFiles.open(dir);
        assertEquals(7, files.configs().flows().size());
        assertEquals(9, files.configs().funcs().size());
        assertNotNull(files.configs().global());
        assertEquals(dir.resolve("flow/flow-FlowName1.yml"), files.origins().get(ObjectRef.flow("flowName1")).file());
        assertEquals(ProjectLayout.EMPTY, files.layout());
        SavePlan plan = files.planSave(files.configs(), files.layout(), files.directory());
        assertTrue(plan.isEmpty(), () -> plan.changes().toString());
        assertEquals("nothing to save", plan.summary());
        assertEquals(before, snapshot(dir));
    }

    @Test
    void brokenFilesOpenWhatIsValidListProblemsAndAreNeverWritten() throws Exception {
        Files.writeString(dir.resolve("flow/broken.yml"), "kistype: flow\nflow_name: [unclosed\n");
        Files.writeString(dir.resolve("no-kind.yaml"), "# a note\nfname: lost\n");
        Files.writeString(dir.resolve("func/odd.yaml"), "kistype: function\nfname: odd\n");
        Files.writeString(dir.resolve(LayoutFile.FILE_NAME), "{ broken");
        Map<String, String> before = snapshot(dir);

        ProjectFiles files = ProjectFiles.open(dir);
        assertEquals(before, snapshot(dir), "opening modifies nothing");
        assertEquals(7, files.configs().flows().size());
        List<Path> problemFiles = files.loadProblems().stream().filter(Problem::isError).map(Problem::file).toList();
        assertTrue(problemFiles.contains(dir.resolve("flow/broken.yml")), problemFiles::toString);
        assertTrue(problemFiles.contains(dir.resolve("no-kind.yaml")), problemFiles::toString);
        assertTrue(problemFiles.contains(dir.resolve("func/odd.yaml")), problemFiles::toString);
        assertTrue(files.loadProblems().stream().anyMatch(p -> p.file().equals(dir.resolve(LayoutFile.FILE_NAME))
                && p.message().contains("not valid JSON")));
        assertTrue(files.planSave(files.configs(), files.layout(), dir).isEmpty());

        // an edit saves the edited file and leaves the broken ones alone
        ConfigSet edited = files.configs().withFlow(files.configs().flow("flowName2").withStatus(0));
        SavePlan plan = files.planSave(edited, files.layout(), dir);
        assertOnly(plan, FileChange.Kind.CHANGE, dir.resolve("flow/flow-FlowName2.yml"));
        applyAndCheck(files, plan);
        assertEquals("{ broken", read(LayoutFile.FILE_NAME));
    }

    // ---- save: changes -------------------------------------------------------------------------

    @Test
    void editingTheGlobalConfigKeepsItsComments() throws Exception {
        ProjectFiles files = ProjectFiles.open(dir);
        String original = read("kis-flow.yml");
        GlobalConfig g = files.configs().global();
        ConfigSet edited = files.configs().withGlobal(new GlobalConfig(g.prometheusEnable(), false, "0.0.0.0:9999", g.extra()));
        SavePlan plan = files.planSave(edited, files.layout(), dir);
        assertOnly(plan, FileChange.Kind.CHANGE, dir.resolve("kis-flow.yml"));
        FileChange c = plan.changes().get(0);
        assertEquals(original, c.oldText());
        assertEquals(original.replace("prometheus_listen: true", "prometheus_listen: false")
                .replace("0.0.0.0:20004", "0.0.0.0:9999"), c.newText());
        assertEquals(List.of(), c.notes());
        applyAndCheck(files, plan);
        assertEquals(edited, files.configs(), "the saved state is the new baseline");
        assertTrue(files.planSave(edited, files.layout(), dir).isEmpty());
    }

    @Test
    void editingOneParamChangesOnlyThatValueInThatFile() throws Exception {
        ProjectFiles files = ProjectFiles.open(dir);
        FlowConfig flow = files.configs().flow("flowName1");
        List<FlowStep> steps = new ArrayList<>(flow.flows());
        Map<String, String> params = new LinkedHashMap<>(steps.get(1).params());
        params.put("myKey2", "edited");
        steps.set(1, steps.get(1).withParams(params));
        ConfigSet edited = files.configs().withFlow(flow.withFlows(steps));

        SavePlan plan = files.planSave(edited, files.layout(), dir);
        assertOnly(plan, FileChange.Kind.CHANGE, dir.resolve("flow/flow-FlowName1.yml"));
        String original = read("flow/flow-FlowName1.yml");
        assertEquals(original.replace("myKey2: flowValue2-2", "myKey2: edited"), plan.changes().get(0).newText());
        applyAndCheck(files, plan);
        assertEquals(ConfigLoader.load(dir).configs(), edited);
    }

    @Test
    void addingAStepChangingAModeAndAddingAConnectorEditInPlace() throws Exception {
        ProjectFiles files = ProjectFiles.open(dir);
        FlowConfig flow = files.configs().flow("StuAvg"); // indented by four, no line break at the end of others
        List<FlowStep> steps = new ArrayList<>(flow.flows());
        steps.add(1, new FlowStep("funcName3", Map.of("k", "v")));
        FuncConfig abort = files.configs().func("abortFunc"); // no option key, no final line break
        ConfigSet edited = files.configs().withFlow(flow.withFlows(steps))
                .withFunc(abort.withFmode("Save").withOption(FuncOption.EMPTY.withCname("ConnName1")));

        SavePlan plan = files.planSave(edited, files.layout(), dir);
        assertEquals(3, plan.changed().size(), plan::summary); // the flow, the function, and the connector's save list
        applyAndCheck(files, plan);
        assertEquals("""
                kistype: flow
                status: 1
                flow_name: StuAvg
                flows:
                    - fname: AvgStuScore
                    - fname: funcName3
                      params:
                          k: v
                    - fname: PrintStuAvgScore
                """, read("flow/flow-StuAvg.yml"));
        assertEquals("""
                kistype: func
                fname: abortFunc
                fmode: Save
                source:
                  name: UserOrderErrorRate
                  must:
                    - order_id
                    - user_id
                option:
                  cname: ConnName1""", read("func/func-AbortFunc.yml"));
        assertEquals("""
                kistype: conn
                cname: ConnName1
                addrs: '0.0.0.0:9988,0.0.0.0:9999,0.0.0.0:9990'
                type: redis
                key: redis-key
                params:
                  args1: value1
                  args2: value2
                load: null
                save:
                  - abortFunc
                  - funcName2""", read("conn/conn-ConnName1.yml"));
        assertEquals(edited.flow("StuAvg"), files.configs().flow("StuAvg"));
        assertEquals(edited.func("abortFunc"), files.configs().func("abortFunc"));
    }

    @Test
    void unknownKeysSurviveAnEdit() throws Exception {
        String text = """
                kistype: func
                fname: extraFunc   # keep me
                fmode: Calculate
                owner: team-a
                source:
                  name: S
                  must: [a]
                  schema: {version: 2}
                option:
                  retry_times: 1
                  x-trace: true
                """;
        Files.writeString(dir.resolve("func/func-extra.yaml"), text);
        ProjectFiles files = ProjectFiles.open(dir);
        FuncConfig f = files.configs().func("extraFunc");
        assertEquals("team-a", f.extra().get("owner"));
        ConfigSet edited = files.configs().withFunc(f.withOption(f.option().withRetryTimes(3)));
        SavePlan plan = files.planSave(edited, files.layout(), dir);
        assertOnly(plan, FileChange.Kind.CHANGE, dir.resolve("func/func-extra.yaml"));
        assertEquals(text.replace("retry_times: 1", "retry_times: 3"), plan.changes().get(0).newText());
        applyAndCheck(files, plan);
        assertEquals(edited.func("extraFunc"), files.configs().func("extraFunc"));
    }

    // ---- save: create, delete, rename ----------------------------------------------------------

    @Test
    void newFunctionGetsGosFileNameInTheFunctionFolder() throws Exception {
        ProjectFiles files = ProjectFiles.open(dir);
        FuncConfig f = FuncConfig.of("NewFunc", "Calculate");
        ConfigSet edited = files.configs().withFunc(f);
        SavePlan plan = files.planSave(edited, files.layout(), dir);
        Path expected = dir.resolve("func/func-NewFunc.yml");
        assertOnly(plan, FileChange.Kind.CREATE, expected);
        applyAndCheck(files, plan);
        assertEquals(f, files.configs().func("NewFunc"));
        assertEquals(expected, files.origins().get(ObjectRef.func("NewFunc")).file());
    }

    @Test
    void newFilesFollowTheProjectsExtensionAndIndentation() throws Exception {
        // Go's own test configs: .yml files, 2-space indents, lists indented under their key
        ProjectFiles files = ProjectFiles.open(dir);
        FuncConfig f = FuncConfig.of("NewFunc", "Calculate")
                .withOption(FuncOption.EMPTY.withDefaultParams(Map.of("window", "10")));
        FlowConfig flow = FlowConfig.of("NewFlow", new FlowStep("NewFunc", Map.of("limit", "7")), new FlowStep("funcName1", Map.of()));
        ConfigSet edited = files.configs().withFunc(f).withFlow(flow);
        SavePlan plan = files.planSave(edited, files.layout(), dir);
        assertOnly(plan, FileChange.Kind.CREATE, dir.resolve("func/func-NewFunc.yml"), dir.resolve("flow/flow-NewFlow.yml"));
        String flowText = plan.changes().stream().filter(c -> c.path().endsWith("flow-NewFlow.yml")).findFirst().orElseThrow().newText();
        assertEquals("""
                kistype: flow
                status: 1
                flow_name: NewFlow
                flows:
                  - fname: NewFunc
                    params:
                      limit: "7"
                  - fname: funcName1
                """, flowText.replace("    params: {}\n", ""));
        String funcText = plan.changes().stream().filter(c -> c.path().endsWith("func-NewFunc.yml")).findFirst().orElseThrow().newText();
        assertTrue(funcText.contains("\noption:\n  cname: \"\"\n") && funcText.contains("\n  default_params:\n    window: \"10\"\n"), funcText);
        assertFalse(funcText.contains("\n    default_params"), "no 4-space steps in a 2-space project: " + funcText);
        applyAndCheck(files, plan);
        assertEquals(flow, ConfigLoader.load(dir).configs().flow("NewFlow"));
        assertEquals(f, ConfigLoader.load(dir).configs().func("NewFunc"));
    }

    @Test
    void aProjectOfGoExportedFilesGetsGoExportedFiles() throws Exception {
        Path exported = tmp.resolve("exported");
        ConfigExporter.export(ConfigLoader.load(dir).configs(), exported);
        ProjectFiles files = ProjectFiles.open(exported);
        FuncConfig f = FuncConfig.of("NewFunc", "Calculate").withOption(FuncOption.EMPTY.withDefaultParams(Map.of("window", "10")));
        SavePlan plan = files.planSave(files.configs().withFunc(f), files.layout(), exported);
        assertEquals(exported.resolve("func-NewFunc.yaml"), plan.created().get(0).path());
        assertEquals(ConfigExporter.renderFunc(f), plan.created().get(0).newText(), "yaml.v3's layout, as Go exports");
    }

    @Test
    void newObjectNeverOverwritesAnExistingFile() throws Exception {
        Files.writeString(dir.resolve("func/func-Taken.yml"), "not: a config\n");
        ProjectFiles files = ProjectFiles.open(dir);
        SavePlan plan = files.planSave(files.configs().withFunc(FuncConfig.of("Taken", "Verify")), files.layout(), dir);
        assertOnly(plan, FileChange.Kind.CREATE, dir.resolve("func/func-Taken-2.yml"));
        assertTrue(plan.notes().get(0).contains("func-Taken.yml is already taken"), plan.notes()::toString);
        applyAndCheck(files, plan);
        assertEquals("not: a config\n", read("func/func-Taken.yml"));
    }

    @Test
    void deletedFlowDeletesItsFile() throws Exception {
        ProjectFiles files = ProjectFiles.open(dir);
        SavePlan plan = files.planSave(files.configs().withoutFlow("flowName2"), files.layout(), dir);
        assertOnly(plan, FileChange.Kind.DELETE, dir.resolve("flow/flow-FlowName2.yml"));
        assertEquals("1 file: 1 deleted", plan.summary());
        applyAndCheck(files, plan);
        assertFalse(Files.exists(dir.resolve("flow/flow-FlowName2.yml")));
        assertEquals(null, files.configs().flow("flowName2"));
    }

    @Test
    void renamedFlowAndFunctionKeepTheirFiles() throws Exception {
        ProjectFiles files = ProjectFiles.open(dir);
        ConfigSet c = files.configs();
        // rename flowName5 and function funcName2 (used by flowName1 and flowName5, bound to ConnName1)
        ConfigSet edited = c.withoutFlow("flowName5").withFlow(renameSteps(c.flow("flowName5").withFlowName("Renamed5")))
                .withFlow(renameSteps(c.flow("flowName1")))
                .withoutFunc("funcName2").withFunc(c.func("funcName2").withFname("saveIt"));
        SavePlan plan = files.planSave(edited, files.layout(), dir);
        assertEquals(List.of(), plan.created());
        assertEquals(List.of(), plan.deleted());
        assertEquals(List.of("conn/conn-ConnName1.yml", "flow/flow-FlowName1.yml", "flow/flow-FlowName5.yml", "func/func-FuncName2.yml"),
                plan.changed().stream().map(plan::relative).toList());
        String flow5 = read("flow/flow-FlowName5.yml");
        assertEquals(flow5.replace("flow_name: flowName5", "flow_name: Renamed5").replace("fname: funcName2", "fname: saveIt"),
                text(plan, "flow/flow-FlowName5.yml"));
        assertEquals(read("func/func-FuncName2.yml").replace("fname: funcName2", "fname: saveIt"), text(plan, "func/func-FuncName2.yml"));
        assertEquals(read("conn/conn-ConnName1.yml").replace("- funcName2", "- saveIt"), text(plan, "conn/conn-ConnName1.yml"));
        applyAndCheck(files, plan);
        assertEquals(edited.flow("Renamed5"), files.configs().flow("Renamed5"));
    }

    @Test
    void explicitRenamesAreUsedAsGiven() throws Exception {
        ProjectFiles files = ProjectFiles.open(dir);
        ConfigSet c = files.configs();
        // two flows gone and two new: inference cannot pair them, the designer can
        ConfigSet edited = c.withoutFlow("flowName2").withoutFlow("flowName3")
                .withFlow(c.flow("flowName2").withFlowName("A").withStatus(0))
                .withFlow(c.flow("flowName3").withFlowName("B").withStatus(0));
        SavePlan inferred = files.planSave(edited, files.layout(), dir);
        assertEquals(2, inferred.created().size());
        assertEquals(2, inferred.deleted().size());
        SavePlan given = files.planSave(edited, files.layout(), dir,
                Map.of(ObjectRef.flow("flowName2"), ObjectRef.flow("A"), ObjectRef.flow("flowName3"), ObjectRef.flow("B")));
        assertOnly(given, FileChange.Kind.CHANGE, dir.resolve("flow/flow-FlowName2.yml"), dir.resolve("flow/flow-FlowName3.yml"));
    }

    private static FlowConfig renameSteps(FlowConfig f) {
        return f.withFlows(f.flows().stream().map(s -> s.fname().equals("funcName2") ? s.withFname("saveIt") : s).toList());
    }

    private static String text(SavePlan plan, String rel) {
        return plan.changes().stream().filter(ch -> plan.relative(ch).equals(rel)).findFirst().orElseThrow().newText();
    }

    // ---- encodings, line breaks, links, files that cannot be patched ----------------------------

    @Test
    void byteOrderMarkAndCrlfLineBreaksAreKept() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "kistype: flow\r\nstatus: 1\r\nflow_name: crlf\r\nflows:\r\n  - fname: funcName1\r\n";
        Files.write(dir.resolve("flow/flow-crlf.yaml"), concat(bom, text.getBytes(StandardCharsets.UTF_8)));
        Files.write(dir.resolve("flow/flow-utf16.yaml"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "kistype: flow\nstatus: 1\nflow_name: wide # ü\nflows: []\n".getBytes(StandardCharsets.UTF_16LE)));
        ProjectFiles files = ProjectFiles.open(dir);
        ConfigSet c = files.configs();
        ConfigSet edited = c.withFlow(c.flow("crlf").withFlows(List.of(FlowStep.of("funcName1"), FlowStep.of("funcName3"))))
                .withFlow(c.flow("wide").withStatus(0));
        files.apply(files.planSave(edited, files.layout(), dir));
        assertEquals(new String(concat(bom, (text + "  - fname: funcName3\r\n").getBytes(StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1),
                new String(Files.readAllBytes(dir.resolve("flow/flow-crlf.yaml")), StandardCharsets.ISO_8859_1));
        assertEquals(new String(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        "kistype: flow\nstatus: 0\nflow_name: wide # ü\nflows: []\n".getBytes(StandardCharsets.UTF_16LE)), StandardCharsets.ISO_8859_1),
                new String(Files.readAllBytes(dir.resolve("flow/flow-utf16.yaml")), StandardCharsets.ISO_8859_1));
        assertEquals(edited, files.configs());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void linkedConfigFileIsWrittenThroughItsLink() throws Exception {
        Path shared = Files.writeString(tmp.resolve("shared-func.yaml"), "kistype: func\nfname: shared\nfmode: Verify\n");
        Path link = Files.createSymbolicLink(dir.resolve("func/func-shared.yaml"), shared);
        ProjectFiles files = ProjectFiles.open(dir);
        ConfigSet edited = files.configs().withFunc(files.configs().func("shared").withFmode("Expand"));
        files.apply(files.planSave(edited, files.layout(), dir));
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("kistype: func\nfname: shared\nfmode: Expand\n", Files.readString(shared));
    }

    @Test
    void fileThatCannotBePatchedIsRewrittenWithANote() throws Exception {
        Files.writeString(dir.resolve("flow/flow-anchors.yaml"), """
                # uses an anchor
                kistype: flow
                status: 1
                flow_name: anchors
                flows:
                  - fname: funcName1
                    params: &p {myKey1: v}
                  - fname: funcName3
                    params: *p
                """);
        ProjectFiles files = ProjectFiles.open(dir);
        FlowConfig f = files.configs().flow("anchors");
        assertEquals(Map.of("myKey1", "v"), f.flows().get(1).params());
        ConfigSet edited = files.configs().withFlow(f.withStatus(0));
        SavePlan plan = files.planSave(edited, files.layout(), dir);
        FileChange c = plan.changed().get(0);
        assertEquals(ConfigExporter.renderFlow(f.withStatus(0)), c.newText());
        assertEquals(List.of("could not be edited in place (it uses YAML anchors or aliases (& and *)), so it is written anew"
                + " in the standard layout; its comments and formatting are not kept"), c.notes());
        assertEquals(List.of("flow/flow-anchors.yaml: " + c.notes().get(0)), plan.notes());
        files.apply(plan);
        assertEquals(edited.flow("anchors"), files.configs().flow("anchors"));
    }

    @Test
    void onlyTheFirstDocumentIsPatched() throws Exception {
        String text = "---\nkistype: func\nfname: twoDocs\nfmode: Verify\n---\n# ignored by KisFlow\nkistype: func\nfname: other\n";
        Files.writeString(dir.resolve("func/func-twoDocs.yaml"), text);
        ProjectFiles files = ProjectFiles.open(dir);
        ConfigSet edited = files.configs().withFunc(files.configs().func("twoDocs").withFmode("Load"));
        SavePlan plan = files.planSave(edited, files.layout(), dir);
        assertEquals(text.replace("fmode: Verify", "fmode: Load"), plan.changed().get(0).newText());
    }

    // ---- sidecar, outside edits, atomicity ------------------------------------------------------

    @Test
    void layoutGoesToTheSidecarOnlyAndKeepsUnknownKeys() throws Exception {
        Files.writeString(dir.resolve(LayoutFile.FILE_NAME), "{\"zoom\": 1.5, \"laneOrder\": [\"StuAvg\"], \"pluginStuff\": {\"a\": [1, 2]}}\n");
        ProjectFiles files = ProjectFiles.open(dir);
        assertEquals(1.5, files.layout().zoom());
        assertEquals(Map.of("pluginStuff", Map.of("a", List.of(1, 2))), files.layout().extra());
        ProjectLayout moved = files.layout().withPan(10, 20).withConnectorPosition("ConnName1", new Point(5, 6));
        SavePlan plan = files.planSave(files.configs(), moved, dir);
        assertOnly(plan, FileChange.Kind.CHANGE, dir.resolve(LayoutFile.FILE_NAME));
        applyAndCheck(files, plan);
        String written = read(LayoutFile.FILE_NAME);
        assertTrue(written.contains("\"pluginStuff\": {\n    \"a\": [\n      1,\n      2\n    ]\n  }"), written);
        assertEquals(moved, files.layout());
        assertEquals(moved, ProjectFiles.open(dir).layout());
    }

    @Test
    void savingTheSidecarKeepsTheOrderOfItsKeys() throws Exception {
        String before = """
                {
                  "zoom": 1.0,
                  "version": 1,
                  "inputRows": {
                    "StuAvg": [
                      "a"
                    ],
                    "FlowName1": [
                      "b"
                    ]
                  },
                  "connectorPositions": {
                    "ConnName1": {
                      "x": 1.0,
                      "y": 2.0
                    }
                  },
                  "pluginStuff": {
                    "zeta": 1,
                    "alpha": 2
                  }
                }
                """;
        Files.writeString(dir.resolve(LayoutFile.FILE_NAME), before);
        ProjectFiles files = ProjectFiles.open(dir);
        ProjectLayout moved = files.layout().withConnectorPosition("ConnName1", new Point(5, 2));
        SavePlan plan = files.planSave(files.configs(), moved, dir);
        applyAndCheck(files, plan);
        List<String> was = before.lines().toList();
        List<String> now = read(LayoutFile.FILE_NAME).lines().toList();
        List<String> keysWere = was.stream().filter(l -> l.matches("\\s*\"[^\"]+\": .*")).map(l -> l.strip().split(":")[0]).toList();
        List<String> keysNow = now.stream().filter(l -> l.matches("\\s*\"[^\"]+\": .*")).map(l -> l.strip().split(":")[0]).toList();
        assertEquals(keysWere, keysNow.subList(0, keysWere.size()), "the file's keys keep their order, at every level: " + now);
        assertTrue(now.contains("      \"x\": 5.0,"), now.toString());
        assertEquals(moved, ProjectFiles.open(dir).layout());
        assertEquals(read(LayoutFile.FILE_NAME), plan.changes().get(0).newText());
        SavePlan again = ProjectFiles.open(dir).planSave(files.configs(), moved.withZoom(2.0), dir);
        long changedLines = diffCount(read(LayoutFile.FILE_NAME), again.changes().get(0).newText());
        assertEquals(1, changedLines, "changing the zoom changes one line");
    }

    private static long diffCount(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        assertEquals(x.size(), y.size());
        long n = 0;
        for (int i = 0; i < x.size(); i++) {
            n += x.get(i).equals(y.get(i)) ? 0 : 1;
        }
        return n;
    }

    @Test
    void fileChangedOnDiskSinceOpeningIsFlaggedAndApplyRefusesAStalePlan() throws Exception {
        ProjectFiles files = ProjectFiles.open(dir);
        Files.writeString(dir.resolve("flow/flow-FlowName3.yml"), read("flow/flow-FlowName3.yml") + "# added elsewhere\n");
        ConfigSet edited = files.configs().withFlow(files.configs().flow("flowName3").withStatus(0));
        SavePlan plan = files.planSave(edited, files.layout(), dir);
        assertEquals(1, plan.changed().size());
        assertTrue(plan.notes().get(0).contains("changed outside the designer"), plan.notes()::toString);

        Files.writeString(dir.resolve("flow/flow-FlowName3.yml"), "kistype: flow\n");
        Map<String, String> before = snapshot(dir);
        IOException e = assertThrows(IOException.class, () -> files.apply(plan));
        assertTrue(e.getMessage().contains("changed on disk after the save was planned"), e.getMessage());
        assertEquals(before, snapshot(dir));
    }

    @Test
    void failingWriteHalfWayLeavesEveryOriginalIntact() throws Exception {
        ProjectFiles files = ProjectFiles.open(dir, new SaveTransactionTest.FailingMove(3));
        ConfigSet c = files.configs();
        ConfigSet edited = c.withFlow(c.flow("flowName1").withStatus(0)).withFlow(c.flow("flowName2").withStatus(0))
                .withFlow(c.flow("flowName3").withStatus(0)).withoutFlow("flowName4").withFunc(FuncConfig.of("Brand", "Load"));
        SavePlan plan = files.planSave(edited, files.layout().withZoom(3), dir);
        assertEquals(6, plan.changes().size(), plan::summary);
        Map<String, String> before = snapshot(dir);
        IOException e = assertThrows(IOException.class, () -> files.apply(plan));
        assertTrue(e.getMessage().contains("every file is as it was before the save"), e.getMessage());
        assertEquals(before, snapshot(dir), "originals intact, nothing created, no temporary file left");
        assertEquals(c, files.configs(), "the baseline stays the last saved state");
    }

    // ---- export and new projects ----------------------------------------------------------------

    @Test
    void exportWritesTheCanonicalFilesOnly() throws Exception {
        Files.writeString(dir.resolve(LayoutFile.FILE_NAME), "{\"zoom\": 2}\n");
        ProjectFiles files = ProjectFiles.open(dir);
        Map<String, String> projectBefore = snapshot(dir);
        Path out = tmp.resolve("out");
        ConfigSet edited = files.configs().withFunc(FuncConfig.of("Extra", "Expand"));
        SavePlan plan = files.planSave(edited, files.layout().withZoom(4), out);
        assertEquals(out, plan.targetDir());
        assertEquals(plan.changes().size(), plan.created().size());
        files.apply(plan);
        Map<String, String> expected = new TreeMap<>();
        ConfigExporter.render(edited).forEach((name, text) -> expected.put(name, text));
        assertEquals(expected, snapshot(out), "exactly the exporter's files: no sidecar, nothing else");
        assertEquals(projectBefore, snapshot(dir), "the project folder is not touched by an export");
        assertEquals(files.configs(), ProjectFiles.open(dir).configs(), "the baseline is still the project's own");
        assertEquals(edited, ConfigLoader.load(out).configs().withConn(edited.conn("ConnName1")));
        assertTrue(files.planSave(edited, files.layout(), out).isEmpty(), "exporting the same again writes nothing");
        assertEquals(List.of(), plan.notes());
        SavePlan inside = files.planSave(edited, files.layout(), dir.resolve("export"));
        assertTrue(inside.notes().get(0).endsWith("reports every name as defined twice"), inside.notes()::toString);
    }

    @Test
    void newProjectIsCreatedSavedAndReopened() throws Exception {
        Path fresh = tmp.resolve("fresh/project");
        ProjectFiles files = ProjectFiles.createNew(fresh);
        assertTrue(Files.isDirectory(fresh));
        assertEquals(ConfigSet.EMPTY, files.configs());
        ConfigSet edited = ConfigSet.EMPTY.withFunc(FuncConfig.of("f", "Calculate")).withFlow(FlowConfig.of("x", FlowStep.of("f")));
        SavePlan plan = files.planSave(edited, ProjectLayout.EMPTY.withLaneOrder(List.of("x")), fresh);
        assertEquals(List.of(LayoutFile.FILE_NAME, "flow-x.yaml", "func-f.yaml"),
                plan.created().stream().map(plan::relative).sorted().toList());
        files.apply(plan);
        ProjectFiles reopened = ProjectFiles.open(fresh);
        assertEquals(edited, reopened.configs());
        assertEquals(List.of("x"), reopened.layout().laneOrder());
        assertThrows(IOException.class, () -> ProjectFiles.createNew(fresh), "a folder with configs is opened, not created");
        assertThrows(IOException.class, () -> ProjectFiles.open(tmp.resolve("missing")));
    }

    @Test
    void namesThatCannotBeFileNamesAreRefusedWithTheObjectNamed() throws Exception {
        ProjectFiles files = ProjectFiles.open(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> files.planSave(files.configs().withFunc(FuncConfig.of("a/b", "Verify")), files.layout(), dir));
        assertEquals("cannot save function \"a/b\" to a file of its own: its name contains a slash, which would put the file"
                + " in another folder; rename it", e.getMessage());
    }
}
