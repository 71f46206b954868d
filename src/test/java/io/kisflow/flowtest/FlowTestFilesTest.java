package io.kisflow.flowtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Written cases are diff-friendly: one value per line, map keys sorted, and read back unchanged. */
class FlowTestFilesTest {
    @Test
    void writesPrettyWithSortedKeysAndReadsBack(@TempDir Path dir) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("z", 1);
        row.put("a", "x");
        FlowTestCase c = new FlowTestCase("F", null, List.of(row), null, Map.of("Fn", List.of(row)), null, null, List.of("$.ts"), false);
        Path file = dir.resolve("tests/one.json");
        FlowTestFiles.write(file, c);
        assertEquals("""
                {
                  "flow" : "F",
                  "input" : [ {
                    "a" : "x",
                    "z" : 1
                  } ],
                  "expect" : {
                    "Fn" : [ {
                      "a" : "x",
                      "z" : 1
                    } ]
                  },
                  "ignore" : [ "$.ts" ],
                  "ordered" : false
                }
                """, Files.readString(file));
        FlowTestCase back = FlowTestFiles.read(file);
        assertEquals(c.flow(), back.flow());
        assertEquals(Map.of("a", "x", "z", 1), back.input().get(0));
        assertEquals(List.of("$.ts"), back.ignore());
        assertEquals(false, back.rowOrderMatters());
    }
}
