package io.kisflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line loads only what it uses (issue 10): the README's sample run, in a JVM of its own
 * started through the jar's main class, never loads JavaFX, ControlsFX, the designer or Prometheus
 * (metrics are off in the samples), which would cost start-up time and memory for nothing.
 */
class CliClassLoadingTest {
    @Test
    void theSampleRunLoadsNoJavaFxDesignerOrPrometheus(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("classes.log");
        Path out = tmp.resolve("out.json");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), "io.kisflow.Launcher",
                "run", "--conf", "conf-samples", "--flow", "StuScore", "--json",
                "--input", "conf-samples/student-score/input.jsonl")
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not end within 2 minutes");
        assertEquals(0, p.exitValue());
        assertTrue(Files.readString(out).contains("stuid: [101], avg score: [84.00]"), Files.readString(out));

        List<String> loaded = Files.readAllLines(log).stream()
                .map(line -> line.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", ""))
                .map(line -> line.split(" ")[0])
                .toList();
        assertTrue(loaded.contains("io.kisflow.cli.RunCommand"), "the log names the classes loaded: " + loaded.size());
        for (String unwanted : List.of("javafx.", "com.sun.javafx.", "org.controlsfx.", "io.kisflow.designer.", "io.prometheus.")) {
            List<String> hits = loaded.stream().filter(c -> c.startsWith(unwanted)).toList();
            assertEquals(List.of(), hits, "the CLI run loaded " + unwanted + "* classes");
        }
        assertNoConnectorClients(loaded, "StuScore");
    }

    /**
     * The built-in connectors load their client library only when a connector of that type is used
     * (issue 11): the storage sample's file connector needs none of Lettuce, Netty, HikariCP, the
     * JDBC drivers or Kafka, and the StuScore run above no connector client at all.
     */
    @Test
    void aFileConnectorRunLoadsNoOtherConnectorsLibrary(@TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("conf");
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("conn-Store.yml"), "kistype: conn\ncname: Store\naddrs: '" + tmp.resolve("store") + "'\ntype: file\nkey: rows.jsonl\n");
        Files.writeString(conf.resolve("func-Save.yml"), "kistype: func\nfname: Save\nfmode: Save\noption:\n  cname: Store\n");
        Files.writeString(conf.resolve("flow-F.yml"), "kistype: flow\nstatus: 1\nflow_name: F\nflows:\n  - fname: Save\n");
        Path log = tmp.resolve("classes.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), "io.kisflow.Launcher",
                "run", "--conf", conf.toString(), "--flow", "F", "--input", "conf-samples/student-score/input.jsonl")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not end within 2 minutes");
        assertEquals(0, p.exitValue());
        assertEquals(4, Files.readAllLines(tmp.resolve("store/rows.jsonl")).size(), "the file connector saved the rows");
        List<String> loaded = Files.readAllLines(log).stream()
                .map(line -> line.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", ""))
                .map(line -> line.split(" ")[0])
                .toList();
        assertTrue(loaded.contains("io.kisflow.connect.FileConnector"), "the log names the classes loaded: " + loaded.size());
        assertNoConnectorClients(loaded, "the file connector's");
    }

    private static void assertNoConnectorClients(List<String> loaded, String run) {
        for (String unwanted : List.of("io.lettuce.", "io.netty.", "reactor.", "com.zaxxer.", "org.postgresql.", "org.mariadb.", "org.sqlite.",
                "org.h2.", "org.apache.kafka.", "org.slf4j.", "io.kisflow.connect.RedisConnector", "io.kisflow.connect.SqlConnector",
                "io.kisflow.connect.KafkaConnector", "io.kisflow.connect.HttpConnector")) {
            List<String> hits = loaded.stream().filter(c -> c.startsWith(unwanted)).toList();
            assertEquals(List.of(), hits, run + " run loaded " + unwanted + "* classes");
        }
    }
}
