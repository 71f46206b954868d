package io.kisflow.bench;

import io.kisflow.code.ProjectCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issue 11 §6: how long the designer waits for a compile of a 100-line function file. Cold: the
 * first compile in a fresh JVM (ECJ's classes and the application's class files read for the first
 * time), in a child JVM per sample so each one really is the first; warm: the median of 20 compiles
 * in one JVM after 10 others, as when the user types and pauses. The time is ProjectCode.compile end
 * to end: compile, load the classes, register the plugin. A check outside the timing verifies that
 * each compile produced the plugin with no error.
 *
 * <pre>{@code java -cp "$CP" io.kisflow.bench.SourceCompileBench          # 3 cold samples, then warm}</pre>
 */
public final class SourceCompileBench {
    private SourceCompileBench() {
    }

    /** A realistic 100-line function: a record, a switch expression, a text block, lambdas, helpers. */
    static String hundredLines() {
        StringBuilder b = new StringBuilder("""
                package functions;

                import com.fasterxml.jackson.databind.ObjectMapper;
                import io.kisflow.engine.KisPlugin;
                import io.kisflow.engine.Pool;

                import java.util.ArrayList;
                import java.util.LinkedHashMap;
                import java.util.List;
                import java.util.Map;

                /** GradeReport (Calculate): grades, statistics and a report line per student. */
                public class GradeReport implements KisPlugin {
                    private static final ObjectMapper JSON = new ObjectMapper();

                    public record Score(int stu_id, double score_1, double score_2, double score_3) {
                        double avg() {
                            return (score_1 + score_2 + score_3) / 3;
                        }
                    }

                    private static final String LINE = \"""
                            student %d: %s (avg %.1f, best %.1f)\""";

                    @Override
                    public void register(Pool pool) {
                        pool.faas("GradeReport", Score.class, (flow, rows) -> {
                            List<Double> avgs = new ArrayList<>();
                            for (var s : rows) {
                                double avg = s.avg();
                                avgs.add(avg);
                                Map<String, Object> out = new LinkedHashMap<>();
                                out.put("stu_id", s.stu_id());
                                out.put("grade", grade(avg));
                                out.put("line", LINE.formatted(s.stu_id(), grade(avg), avg, best(s)));
                                out.put("rank_hint", rankHint(avg, avgs));
                                flow.commitRow(out);
                            }
                        });
                    }

                    static String grade(double avg) {
                        return switch ((int) avg / 10) {
                            case 10, 9 -> "A";
                            case 8 -> "B";
                            case 7 -> "C";
                            case 6 -> "D";
                            default -> "F";
                        };
                    }

                    static double best(Score s) {
                        return Math.max(s.score_1(), Math.max(s.score_2(), s.score_3()));
                    }

                    static String rankHint(double avg, List<Double> seen) {
                        long better = seen.stream().filter(a -> a > avg).count();
                        return better == 0 ? "top so far" : better + " better so far";
                    }
                """);
        for (int i = 0; b.toString().lines().count() < 99; i++) {
            b.append("""

                        static double scaled%d(double v) {
                            var factor = %d.0 / 10;
                            return v * factor;
                        }
                    """.formatted(i, i + 1));
        }
        b.append("}\n");
        return b.toString();
    }

    static double compileMillis(String text) {
        long t0 = System.nanoTime();
        ProjectCode code = ProjectCode.compile(Path.of("."), Map.of("functions/GradeReport.java", text), null);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (code.hasErrors() || code.plugins().size() != 1) {
            throw new IllegalStateException("the benchmark's source does not compile: " + code.problems());
        }
        return ms;
    }

    public static void main(String[] args) throws Exception {
        String text = hundredLines();
        if (args.length > 0 && args[0].equals("--cold-once")) {
            System.out.printf("%.0f%n", compileMillis(text));
            return;
        }
        System.out.println("source: " + text.lines().count() + " lines");
        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SourceCompileBench.class.getName(), "--cold-once")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            cold.add(Double.parseDouble(out.lines().reduce((a, b) -> b).orElseThrow()));
        }
        for (int i = 0; i < 10; i++) {
            compileMillis(text.replace("top so far", "top " + i));
        }
        double[] warm = new double[20];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = compileMillis(text.replace("top so far", "top " + (100 + i)));   // a change, as typing makes
        }
        Arrays.sort(warm);
        System.out.printf("cold (first compile in a fresh JVM, 3 JVMs): %s ms%n", cold);
        System.out.printf("warm (20 compiles after 10): median %.0f ms, min %.0f, max %.0f%n", warm[10], warm[0], warm[19]);
        System.out.printf("load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static final class Files {
        static String readString(Path p) {
            try {
                return java.nio.file.Files.readString(p);
            } catch (java.io.IOException e) {
                return "?";
            }
        }
    }
}
