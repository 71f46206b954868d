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
    }
}
