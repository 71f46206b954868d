package io.kisflow.code;

import io.kisflow.config.Problem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every compile error names the line and column where it is. ECJ reports some problems found after
 * parsing (an unknown name the parser recovered, inside a lambda) with line 1 and the character offset as the column; the
 * Code tab then listed "1:1182: oops cannot be resolved" for an error on line 33.
 */
class CompileErrorPlaceTest {
    @Test
    void anUnknownNameInsideALambdaIsPlacedAtItsOwnLineAndColumn() {
        String text = """
                package functions;

                import io.kisflow.engine.KisPlugin;
                import io.kisflow.engine.Pool;

                public class Shout implements KisPlugin {
                    public void register(Pool pool) {
                        pool.faas("Shout", flow -> {
                            for (Object row : flow.input()) {
                                flow.commitRow(row); oops
                            }
                        });
                    }
                }
                """;
        List<Problem> problems = SourceCompiler.compile(Path.of("proj"), Map.of("functions/Shout.java", text))
                .get("functions/Shout.java").problems();
        Problem oops = problems.stream().filter(p -> p.message().contains("oops cannot be resolved")).findFirst().orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals(10, oops.line(), problems.toString());
        assertEquals(text.lines().toList().get(9).indexOf("oops") + 1, oops.column(), problems.toString());
        for (Problem p : problems) {
            assertEquals(10, p.line(), "every problem of this source is on line 10: " + problems);
        }
    }

    @Test
    void theSamplesCodeWithAStrayWordIsPlacedAtItsLine() throws Exception {
        String text = java.nio.file.Files.readString(Path.of("conf-samples/source-code/functions/GradeScore.java"))
                .replace("flow.commitRow(out);", "flow.commitRow(out); oops");
        int line = 1 + (int) text.substring(0, text.indexOf("oops")).chars().filter(c -> c == '\n').count();
        List<Problem> problems = SourceCompiler.compile(Path.of("proj"), Map.of("functions/GradeScore.java", text))
                .get("functions/GradeScore.java").problems();
        for (Problem p : problems) {
            assertEquals(line, p.line(), "every problem is on the line of the stray word: " + problems);
        }
    }
}
