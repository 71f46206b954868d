package io.kisflow.designer.debug;

import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.project.ProjectLayout;
import org.junit.jupiter.api.Test;

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
}
