package io.kisflow.code;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's compile cache: the same sources come back with the same classes and problems; a damaged entry is a miss. */
class CompileCacheTest {
    static final String OK = "package functions;\npublic class Up implements io.kisflow.engine.KisPlugin {\n"
            + "    public void register(io.kisflow.engine.Pool pool) {\n        pool.faas(\"Up\", flow -> flow.input().forEach(flow::commitRow));\n    }\n}\n";
    static final String BROKEN = "package functions;\npublic class Bad {\n    int x = y;\n}\n";

    @AfterEach
    void reset() {
        System.clearProperty("kisflow.codeCache");
    }

    @Test
    void aSecondCompileOfTheSameSourcesComesFromTheCacheWithTheSameOutcome(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        System.setProperty("kisflow.codeCache", cache.toString());
        Map<String, String> sources = Map.of("functions/Up.java", OK, "functions/Bad.java", BROKEN);
        ProjectCode first = ProjectCode.compile(tmp, sources, null);
        List<Path> entries;
        try (Stream<Path> s = Files.list(cache)) {
            entries = s.toList();
        }
        assertEquals(1, entries.size(), "one entry written");
        ProjectCode second = ProjectCode.compile(tmp, sources, null);
        assertEquals(first.problems(), second.problems());
        assertEquals(first.registeredByFile(), second.registeredByFile());
        assertEquals(List.of("functions/Bad.java:3:13: y cannot be resolved to a variable"),
                second.problems().stream().map(p -> tmp.relativize(p.file()) + ":" + p.line() + ":" + p.column() + ": " + p.message()).toList());
        assertEquals(1, second.plugins().size());

        Files.write(entries.get(0), new byte[] {1, 2, 3});   // damaged: compiled again, and rewritten
        ProjectCode third = ProjectCode.compile(tmp, sources, null);
        assertEquals(first.problems(), third.problems());
        assertTrue(Files.size(entries.get(0)) > 3);
    }
}
