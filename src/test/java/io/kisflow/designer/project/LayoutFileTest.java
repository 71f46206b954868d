package io.kisflow.designer.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kisflow.config.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayoutFileTest {
    private static final Path FILE = Path.of("proj", LayoutFile.FILE_NAME);

    @Test
    void writesSortedPrettyJsonThatDiffsCleanly() {
        ProjectLayout layout = ProjectLayout.EMPTY
                .withLaneOrder(List.of("b", "a"))
                .withConnectorPosition("Zc", new Point(10, 20.5))
                .withConnectorPosition("Ac", new Point(-3, 0))
                .withZoom(1.25)
                .withPan(5, -7)
                .withInputRows("b", List.of("row 1", "{\"id\":2}"))
                .withPluginPaths(List.of("plugins/a.jar"));
        String expected = """
                {
                  "connectorPositions": {
                    "Ac": {
                      "x": -3.0,
                      "y": 0.0
                    },
                    "Zc": {
                      "x": 10.0,
                      "y": 20.5
                    }
                  },
                  "inputRows": {
                    "b": [
                      "row 1",
                      "{\\"id\\":2}"
                    ]
                  },
                  "laneOrder": [
                    "b",
                    "a"
                  ],
                  "panX": 5.0,
                  "panY": -7.0,
                  "pinnedRows": {},
                  "pluginPaths": [
                    "plugins/a.jar"
                  ],
                  "version": 1,
                  "zoom": 1.25
                }
                """;
        assertEquals(expected, LayoutFile.render(layout));
    }

    @Test
    void roundTripKeepsUnknownKeysAndTheirValues() {
        String text = """
                {
                  "laneOrder": ["x"],
                  "theme": "dark",
                  "future": {"b": [1, 2.50, null], "a": true},
                  "zoom": 2
                }
                """;
        List<Problem> problems = new ArrayList<>();
        ProjectLayout layout = LayoutFile.parse(text, FILE, problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of("x"), layout.laneOrder());
        assertEquals(2.0, layout.zoom());
        assertEquals("dark", layout.extra().get("theme"));
        String written = LayoutFile.render(layout);
        assertTrue(written.contains("\"future\": {\n    \"a\": true,\n    \"b\": [\n      1,\n      2.50,\n      null\n    ]\n  }"), written);
        assertTrue(written.contains("\"theme\": \"dark\""), written);
        assertEquals(layout, LayoutFile.parse(written, FILE, problems));
        assertEquals(written, LayoutFile.render(LayoutFile.parse(written, FILE, problems)));
    }

    @Test
    void brokenOrMistypedSidecarGivesWarningsAndDefaults() {
        List<Problem> problems = new ArrayList<>();
        assertEquals(ProjectLayout.EMPTY, LayoutFile.parse("{\n  \"zoom\": 1,\n  oops\n}", FILE, problems));
        assertEquals(1, problems.size());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("the designer layout file is not valid JSON"), problems.get(0).message());

        problems.clear();
        ProjectLayout l = LayoutFile.parse("""
                {
                  "zoom": -1,
                  "laneOrder": "a",
                  "connectorPositions": {"ok": {"x": 1, "y": 2}, "bad": {"x": "1"}},
                  "panX": 3
                }""", FILE, problems);
        assertEquals(1.0, l.zoom());
        assertEquals(List.of(), l.laneOrder());
        assertEquals(Map.of("ok", new Point(1, 2)), l.connectorPositions());
        assertEquals(3.0, l.panX());
        assertEquals(3, problems.size(), problems.toString());
        Problem lanes = problems.get(0);
        Problem bad = problems.get(1);
        Problem zoom = problems.get(2);
        assertEquals(3, lanes.line());
        assertTrue(lanes.message().contains("\"laneOrder\" has to be a list of texts, but it is \"a\""), lanes.message());
        assertEquals(4, bad.line());
        assertTrue(bad.message().contains("connector \"bad\""), bad.message());
        assertEquals(2, zoom.line());
        assertEquals(FILE, zoom.file());
        assertTrue(zoom.message().contains("\"zoom\" has to be a positive number, but it is -1"), zoom.message());
    }

    @Test
    void layoutValuesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ProjectLayout.EMPTY.withZoom(0));
        assertThrows(IllegalArgumentException.class, () -> ProjectLayout.EMPTY.withPanX(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Point(Double.POSITIVE_INFINITY, 0));
    }

    @Test
    void lanesFollowTheOrderThenLoadOrder() {
        ProjectLayout l = ProjectLayout.EMPTY.withLaneOrder(List.of("c", "gone", "a"));
        assertEquals(List.of("c", "a", "b", "d"), l.lanes(List.of("a", "b", "c", "d")));
    }

    @Test
    void pluginPathsAreRelativeInsideTheProject() {
        Path dir = Path.of("/tmp/proj");
        ProjectLayout l = ProjectLayout.EMPTY.withPluginPath(dir, Path.of("/tmp/proj/plugins/x.jar"))
                .withPluginPath(dir, Path.of("/opt/y.jar"))
                .withPluginPath(dir, Path.of("/tmp/proj/plugins/../plugins/x.jar"));
        assertEquals(List.of("plugins/x.jar", "/opt/y.jar"), l.pluginPaths());
        assertEquals(List.of(Path.of("/tmp/proj/plugins/x.jar"), Path.of("/opt/y.jar")), l.resolvedPluginPaths(dir));
    }
}
