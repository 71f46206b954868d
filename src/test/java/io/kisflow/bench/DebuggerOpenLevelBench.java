package io.kisflow.bench;

import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.inspect.InspectorModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 4's inspector target: opening a 1,000,000-row level blocks the UI thread for less than 200 ms.
 * {@code open} measures what InspectorModel.show does on the calling thread: the background work it
 * starts (scanning the remaining rows for columns) is handed to an executor that drops it, so only
 * the UI thread's share is timed. {@code filter} and {@code sort} time the background work itself
 * (a direct executor): how long the table shows its previous view after the user types a filter or
 * clicks a column header. Rows: strings, maps of three fields, or records (the JSON-tree path).
 * Run: see docs/PERFORMANCE.md, section Debugger.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DebuggerOpenLevelBench {
    static final int ROWS = 1_000_000;

    /** A typed row, as typed functions commit them. */
    public record Score(int stuId, String name, double avgScore) {
    }

    @Param({"strings", "maps", "records"})
    public String rows;

    private LevelData level;
    private InspectorModel uiThreadOnly;
    private InspectorModel direct;

    @Setup
    public void build() {
        List<Object> data = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            data.add(switch (rows) {
                case "strings" -> "data from funcName[funcName1], index = " + i;
                case "maps" -> row(i);
                default -> new Score(i, "student " + i, (i * 7) % 100 + 0.5);
            });
        }
        level = LevelData.of("Bench", "Rows", 0, data);
        uiThreadOnly = new InspectorModel(Runnable::run, task -> {
        });
        direct = new InspectorModel(Runnable::run, Runnable::run);
        direct.show(level);
    }

    private static Map<String, Object> row(int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stu_id", i);
        m.put("name", "student " + i);
        m.put("avg_score", (i * 7) % 100 + 0.5);
        return m;
    }

    @Benchmark
    public int open() {
        uiThreadOnly.show(level);
        return uiThreadOnly.rows().size() + uiThreadOnly.columns().size();
    }

    @Benchmark
    public int filter() {
        direct.filterProperty().set("");
        direct.filterProperty().set("99");
        return direct.rows().size();
    }

    @Benchmark
    public int sort() {
        direct.filterProperty().set("");
        direct.clearSort();
        direct.sortBy(rows.equals("strings") ? "value" : rows.equals("maps") ? "avg_score" : "avgScore", false);
        return direct.rows().get(0).rowIndex();
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(DebuggerOpenLevelBench.class.getSimpleName()).build()).run();
    }
}
