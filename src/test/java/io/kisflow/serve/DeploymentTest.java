package io.kisflow.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deployment files: JSON and YAML read alike, errors name file and line, writing round-trips. */
class DeploymentTest {
    private static final String YAML = """
            conf: ../conf            # relative to this file
            plugins: [lib/a.jar]
            http: 127.0.0.1:9464
            flows:
              - flow: StuScore
                kafka: localhost:9092
                topic: scores
                group: stuscore
                threads: 2
                batch-size: 200
                batch-wait: 100
                json: true
                dead-letter: scores-dlq
                properties: {max.poll.records: "500", session.timeout.ms: 10000}
              - flow: Other
                kafka: localhost:9092
                topic: other
                group: other
            """;

    @Test
    void yamlIsReadWithDefaultsAndPathsRelativeToTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("deploy/serve.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, YAML);
        Deployment d = Deployment.read(file);
        assertEquals(dir.resolve("conf").toAbsolutePath(), d.confDir(file));
        assertEquals(List.of(dir.resolve("deploy/lib/a.jar").toAbsolutePath()), d.pluginPaths(file));
        assertEquals("127.0.0.1:9464", d.http());
        Deployment.ServedFlow f = d.flows().get(0);
        assertEquals(new ServeSettings("StuScore", "localhost:9092", "scores", "stuscore", 2, 200, Duration.ofMillis(100), true, "scores-dlq",
                Map.of("max.poll.records", "500", "session.timeout.ms", "10000")), f.settings());
        assertEquals(new Deployment.ServedFlow("Other", "localhost:9092", "other", "other"), d.flows().get(1), "defaults as the flags'");
    }

    @Test
    void jsonWithTabsIsReadAsTheSameDeployment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("serve.json");
        Files.writeString(file, "{\n\t\"conf\": \"../conf\",\n\t\"flows\": [\n\t\t{\"flow\": \"A\", \"kafka\": \"k:1\", \"topic\": \"t\", \"group\": \"g\","
                + " \"threads\": 3, \"json\": true, \"properties\": {\"fetch.min.bytes\": \"1\"}}\n\t]\n}\n");
        Deployment d = Deployment.read(file);
        assertEquals(new Deployment("../conf", List.of(), null, List.of(new Deployment.ServedFlow("A", "k:1", "t", "g", 3, 500, 500, true, null,
                Map.of("fetch.min.bytes", "1")))), d);
    }

    @Test
    void writingYamlAndJsonReadsBackEqual(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("in.yml");
        Files.writeString(source, YAML);
        Deployment d = Deployment.read(source);
        for (String name : List.of("out.yaml", "out.json")) {
            Path out = dir.resolve(name);
            d.write(out);
            assertEquals(d, Deployment.read(out), Files.readString(out));
        }
        String yaml = Files.readString(dir.resolve("out.yaml"));
        assertTrue(yaml.contains("  - flow: Other\n    kafka: localhost:9092\n    topic: other\n    group: other\n"), yaml);
        assertTrue(!yaml.contains("threads: 1"), "defaults left out: " + yaml);
        assertTrue(Files.readString(dir.resolve("out.json")).contains("\"batch-size\" : 200"));
        assertThrows(IllegalArgumentException.class, () -> d.write(dir.resolve("out.txt")));
    }

    @Test
    void unknownKeysAndMissingSettingsNameFileAndLine(@TempDir Path dir) throws Exception {
        assertEquals(dir.resolve("a.yml") + ":9: unknown key 'thread' in a flow of 'flows'; known keys: batch-size, batch-wait, dead-letter, "
                + "flow, group, json, kafka, properties, threads, topic", error(dir, "a.yml", YAML.replace("threads: 2", "thread: 2")));
        assertEquals(dir.resolve("b.yml") + ":1: unknown key 'plugin' in the deployment; known keys: conf, flows, http, plugins",
                error(dir, "b.yml", "plugin: x\nflows: []\n"));
        assertTrue(error(dir, "c.yml", "flows:\n  - flow: A\n    kafka: k:1\n    topic: t\n")
                .startsWith(dir.resolve("c.yml") + ":2: a flow needs 'group'"));
        assertEquals(dir.resolve("d.yml") + ":6: 'threads' needs a positive whole number, not '0'",
                error(dir, "d.yml", "flows:\n  - flow: A\n    kafka: k:1\n    topic: t\n    group: g\n    threads: 0\n"));
        assertTrue(error(dir, "e.json", "{\"flows\": [ {\"flow\": \"A\",, } ]}").startsWith(dir.resolve("e.json") + ":1: not valid JSON"));
        assertTrue(error(dir, "f.yml", "").endsWith(":1: the deployment file is empty; it needs at least 'flows:' with one flow"));
        assertEquals(dir.resolve("g.yml") + ":6: 'json' is true or false, not 'maybe'",
                error(dir, "g.yml", "flows:\n  - flow: A\n    kafka: k:1\n    topic: t\n    group: g\n    json: maybe\n"));
    }

    @Test
    void aDeploymentInsideTheConfigDirectoryIsRefused(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf.resolve("sub"));
        DeploymentException e = assertThrows(DeploymentException.class, () -> Deployment.refuseInside(conf.resolve("sub/serve.yml"), conf));
        assertTrue(e.getMessage().contains("must not be inside the KisFlow config directory " + conf), e.getMessage());
        Deployment.refuseInside(dir.resolve("serve.yml"), conf);
    }

    private static String error(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return assertThrows(DeploymentException.class, () -> Deployment.read(f)).getMessage();
    }
}
