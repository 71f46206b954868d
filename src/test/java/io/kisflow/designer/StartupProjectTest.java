package io.kisflow.designer;

import io.kisflow.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupProjectTest {
    @Test
    void theLocalSamplesWinWhenTheyExist(@TempDir Path state) throws Exception {
        assertEquals(Path.of("conf-samples").toAbsolutePath().normalize(), StartupProject.samples(Path.of(""), state));
    }

    @Test
    void elsewhereTheBundledSamplesAreCopiedOnceAndThenLeftAlone(@TempDir Path tmp) throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("cwd"));
        Path state = tmp.resolve("state");
        Path copy = StartupProject.samples(elsewhere, state);
        assertEquals(state.resolve("samples"), copy);
        assertEquals(ConfigLoader.load(Path.of("conf-samples")).configs(), ConfigLoader.load(copy).configs());
        Files.writeString(copy.resolve("student-score/flow-StuScore.yml"), "# edited by the user\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(copy, StartupProject.samples(elsewhere, state));
        assertTrue(Files.readString(copy.resolve("student-score/flow-StuScore.yml")).endsWith("# edited by the user\n"), "never overwritten");
    }

    @Test
    void aCopyMadeBeforeTheSamplesPluginWasDeclaredKeepsItsCode(@TempDir Path tmp) throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("cwd"));
        Path state = tmp.resolve("state");
        Path copy = StartupProject.samples(elsewhere, state);
        Path sidecar = copy.resolve(".kisflow-studio.json");
        // what an older version extracted: the user's layout, no builtInPlugins
        Files.writeString(sidecar, "{\n  \"version\": 1,\n  \"zoom\": 1.5\n}\n");
        StartupProject.samples(elsewhere, state);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sidecar.toFile());
        assertEquals("samples", json.get("builtInPlugins").get(0).asText());
        assertEquals(1.5, json.get("zoom").asDouble(), "the user's settings stay");
        String once = Files.readString(sidecar);
        StartupProject.samples(elsewhere, state);
        assertEquals(once, Files.readString(sidecar), "added once");
    }
}
