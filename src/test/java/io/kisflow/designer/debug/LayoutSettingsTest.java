package io.kisflow.designer.debug;

import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.project.ProjectLayout;
import io.kisflow.designer.project.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LayoutSettingsTest {
    @Test
    void runSettingsGoIntoTheSidecarLayoutAndComeBackWithoutTouchingTheRest() {
        ProjectLayout base = ProjectLayout.EMPTY.withZoom(1.5).withLaneOrder(List.of("b", "a")).withExtra(Map.of("future", 42));
        DebugSettings settings = DebugSettings.EMPTY
                .withInput("StuAvg", List.of("{\"stu_id\":1}"), InputMode.JSON)
                .withInput("flowName1", List.of("a", "b"), InputMode.TEXT)
                .withPinned("Save", List.of("{\"x\":1}"))
                .withPluginPaths(List.of("plugins/my.jar"));

        ProjectLayout written = LayoutSettings.write(settings, base);
        assertEquals(1.5, written.zoom());
        assertEquals(List.of("b", "a"), written.laneOrder());
        assertEquals(Map.of("StuAvg", List.of("{\"stu_id\":1}"), "flowName1", List.of("a", "b")), written.inputRows());
        assertEquals(Map.of("future", 42, LayoutSettings.INPUT_MODES, Map.of("StuAvg", "json")), written.extra());
        assertEquals(List.of("plugins/my.jar"), written.pluginPaths());

        DebugSettings back = LayoutSettings.read(written);
        assertEquals(settings.inputRows(), back.inputRows());
        assertEquals(Map.of("StuAvg", InputMode.JSON), back.inputModes());
        assertEquals(settings.pinnedRows(), back.pinnedRows());
        assertEquals(settings.pluginPaths(), back.pluginPaths());

        assertEquals(Map.of("future", 42), LayoutSettings.write(DebugSettings.EMPTY, written).extra());
    }

    @Test
    void theCallLimitIsKeptInTheSidecarOnlyWhenItIsNotTheDefault() {
        ProjectLayout base = ProjectLayout.EMPTY.withExtra(Map.of("future", 42));
        ProjectLayout written = LayoutSettings.write(DebugSettings.EMPTY.withCallLimit(50_000), base);
        assertEquals(Map.of("future", 42, LayoutSettings.CALL_LIMIT, 50_000), written.extra());
        assertEquals(Integer.valueOf(50_000), LayoutSettings.read(written).callLimit());
        assertEquals(Map.of("future", 42), LayoutSettings.write(DebugSettings.EMPTY, written).extra(), "the default is not written");
        for (Object bad : List.<Object>of(0, -5, 2.5, "100", 100_000_000L)) {
            assertEquals(null, LayoutSettings.read(ProjectLayout.EMPTY.withExtra(Map.of(LayoutSettings.CALL_LIMIT, bad))).callLimit(),
                    "a damaged value reads as the default: " + bad);
        }
    }

    @Test
    void aTypedCallLimitIsCheckedWithAReason() {
        assertEquals(5000, CallLimit.parse(" 5,000 "));
        assertEquals(5000, CallLimit.parse("5_000"));
        assertEquals("10,000", CallLimit.text(CallLimit.DEFAULT));
        for (String bad : List.of("", "0", "-3", "ten", "1.5", "99999999999999999999")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> CallLimit.parse(bad));
            assertEquals(true, e.getMessage().startsWith("Call limit needs a whole number from 1 to 10,000,000"), e.getMessage());
        }
    }

    @Test
    void aSessionOpensOnAProjectAndItsRunSettingsAreSavedInTheSidecar(@TempDir Path dir) throws IOException {
        ProjectFiles files = ProjectFiles.createNew(dir.resolve("p"));
        ProjectLayout withInput = LayoutSettings.write(DebugSettings.EMPTY.withInput("Greet", List.of("{\"a\":1}"), InputMode.JSON), files.layout());
        files.apply(files.planSave(io.kisflow.config.ConfigSet.EMPTY
                .withFunc(io.kisflow.config.FuncConfig.of("Shout", "Calculate"))
                .withFlow(io.kisflow.config.FlowConfig.of("Greet", io.kisflow.config.FlowStep.of("Shout"))), withInput, files.directory()));
        ProjectFiles reopened = ProjectFiles.open(dir.resolve("p"));
        try (DebugSession s = DebugSession.forProject(reopened, DebugOptions.defaults().withMetrics(false), Runnable::run, Runnable::run)) {
            assertEquals(InputMode.JSON, s.flow("Greet").input().modeProperty().get());
            assertEquals(List.of(Map.of("a", 1)), s.flow("Greet").input().parsed().rows());
            s.flow("Greet").input().textProperty().set("{\"a\":2}");
            ProjectLayout toSave = s.layoutForSave(reopened.layout());
            reopened.apply(reopened.planSave(reopened.configs(), toSave, reopened.directory()));
        }
        String sidecar = Files.readString(dir.resolve("p/.kisflow-studio.json"));
        assertEquals(List.of("{\"a\":2}"), ProjectFiles.open(dir.resolve("p")).layout().inputRows().get("Greet"));
        assertEquals(true, sidecar.contains("debuggerInputModes"), sidecar);
    }

    @Test
    void theDryRunSwitchIsSavedInTheSidecarAndPinsAreNeverExported(@TempDir Path dir) throws IOException {
        ProjectFiles files = ProjectFiles.createNew(dir.resolve("p"));
        io.kisflow.config.ConfigSet configs = io.kisflow.config.ConfigSet.EMPTY
                .withFunc(io.kisflow.config.FuncConfig.of("Shout", "Calculate"))
                .withFlow(io.kisflow.config.FlowConfig.of("Greet", io.kisflow.config.FlowStep.of("Shout")));
        files.apply(files.planSave(configs, files.layout(), files.directory()));
        ProjectFiles reopened = ProjectFiles.open(dir.resolve("p"));
        try (DebugSession s = DebugSession.forProject(reopened, DebugOptions.defaults().withMetrics(false), Runnable::run, Runnable::run)) {
            s.dryRunProperty().set(true);
            s.goSemanticsProperty().set(true);
            s.pins("Shout").textProperty().set("{\"secret_pin\": 1}");
            s.pins("Shout").pinnedProperty().set(true);
            reopened.apply(reopened.planSave(reopened.configs(), s.layoutForSave(reopened.layout()), reopened.directory()));
        }
        try (DebugSession s = DebugSession.forProject(ProjectFiles.open(dir.resolve("p")), DebugOptions.defaults().withMetrics(false),
                Runnable::run, Runnable::run)) {
            assertEquals(true, s.dryRunProperty().get(), "the switch comes back with the project");
            assertEquals(true, s.goSemanticsProperty().get(), "so does the Go-semantics switch");
            assertEquals(true, s.pins("Shout").isPinned());
        }
        assertEquals(true, Files.readString(dir.resolve("p/.kisflow-studio.json")).contains("\"debuggerDryRun\" : true")
                || Files.readString(dir.resolve("p/.kisflow-studio.json")).contains("\"debuggerDryRun\": true"));

        Path out = dir.resolve("exported");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = io.kisflow.cli.Cli.run(new String[] {"export", "--conf", dir.resolve("p").toString(), "--out", out.toString()},
                java.io.InputStream.nullInputStream(), new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err));
        assertEquals(0, exit, err.toString());
        try (var written = Files.walk(out)) {
            List<Path> exported = written.filter(Files::isRegularFile).toList();
            assertEquals(true, exported.stream().anyMatch(f -> f.getFileName().toString().startsWith("flow-")), exported.toString());
            for (Path f : exported) {
                String text = Files.readString(f);
                assertEquals(false, text.contains("secret_pin") || text.contains("debuggerDryRun"), f + " holds a designer-only setting");
            }
        }
    }
}
