package io.kisflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example plugin of the docs (examples/hello-plugin) compiles against our API and runs from a class folder. */
class ExamplePluginTest {
    private static final Path EXAMPLE = Path.of("examples/hello-plugin");

    @Test
    void examplePluginRunsFromAClassFolder(@TempDir Path build) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "--release", "17", "-cp", System.getProperty("java.class.path"),
                "-d", build.toString(), EXAMPLE.resolve("src/com/example/HelloPlugin.java").toString());
        assertEquals(0, status, diagnostics.toString());
        Path services = build.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.copy(EXAMPLE.resolve("src/META-INF/services/io.kisflow.engine.KisPlugin"), services.resolve("io.kisflow.engine.KisPlugin"));

        CliRunner r = CliRunner.run("run", "--conf", EXAMPLE.resolve("conf").toString(), "--flow", "Hello", "--json",
                "--input", EXAMPLE.resolve("people.jsonl").toString(), "--plugin", build.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode levels = new ObjectMapper().readTree(r.out());
        assertEquals("Hello, Ada!", levels.get("Greet").get(0).asText());
        assertEquals("HELLO, GRACE!", levels.get("Shout").get(1).asText());
    }
}
