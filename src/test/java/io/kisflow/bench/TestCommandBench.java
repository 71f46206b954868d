package io.kisflow.bench;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.LoadResult;
import io.kisflow.engine.Engine;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.Level;
import io.kisflow.flowtest.FlowTestCase;
import io.kisflow.flowtest.FlowTestFiles;
import io.kisflow.samples.SamplesPlugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Issue 13, item 4 (not a unit test): {@code test} on 200 cases of 1,000 input rows each, from the
 * command line, JVM start included, side by side with a bare JVM running an empty main and with the
 * same cases on one thread ({@code --threads 1}, how {@code test} ran them before). Each a cold
 * process of the real jar under {@code /usr/bin/time}, alternated (the order reverses every round),
 * median of the rounds: wall time, CPU time (user + sys) and peak RSS.
 *
 * <p>The project is StuScore of conf-samples (VerifyStu, AvgStuScore, PrintStuAvgScore); each case
 * has 1,000 seeded rows of the sample's shape (about one in ten over the maximum score) and expects
 * the rows of AvgStuScore and PrintStuAvgScore, recorded by running the flow here, as "Save run as
 * test" records them. Every timed run must print "200 cases: 200 passed, 0 failed".
 *
 * <p>Given a baseline jar (another build), its {@code test} runs the same cases in the same rounds.
 *
 * <pre>{@code mvn -q -DskipTests -DskipCds package && mvn -q test-compile
 * java -cp target/test-classes:target/kisflow-studio.jar io.kisflow.bench.TestCommandBench [rounds=3] [cases=200] [rows=1000] [baseline jar]}</pre>
 */
public final class TestCommandBench {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--noop")) {
            return; // the bare JVM: start, run an empty main, end
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path jar = Path.of("target/kisflow-studio.jar").toAbsolutePath();
        Path project = generate(Files.createTempDirectory("kisflow-test-bench"), cases, rows);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("bare JVM (empty main)", List.of(javaBin, "-cp", System.getProperty("java.class.path"), TestCommandBench.class.getName(), "--noop"));
        commands.put(String.format("test, %d cases x %,d rows, --threads 1", cases, rows),
                List.of(javaBin, "-jar", jar.toString(), "test", "--conf", project.toString(), "--threads", "1"));
        commands.put(String.format("test, %d cases x %,d rows (one thread per core: %d)", cases, rows, Runtime.getRuntime().availableProcessors()),
                List.of(javaBin, "-jar", jar.toString(), "test", "--conf", project.toString()));
        if (args.length > 3) {
            // another build (main before this work): its test has no --threads
            commands.put(String.format("baseline %s, %d cases x %,d rows", Path.of(args[3]).getFileName(), cases, rows),
                    List.of(javaBin, "-jar", Path.of(args[3]).toAbsolutePath().toString(), "test", "--conf", project.toString()));
        }
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        List<String> loads = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(commands.keySet());
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String name : order) {
                results.computeIfAbsent(name, k -> new ArrayList<>()).add(measure(commands.get(name), project, cases));
            }
            loads.add(Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0]);
        }
        System.out.printf("project %s; load average after each round: %s; %d rounds, medians%n", project, String.join(", ", loads), rounds);
        System.out.println("| case | wall s | CPU s (user+sys) | peak RSS MB |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            System.out.printf("| %s | %.2f | %.2f | %.0f |%n", e.getKey(), median(e.getValue(), 0), median(e.getValue(), 1), median(e.getValue(), 2));
        }
    }

    /**
     * A project folder: StuScore's YAML from conf-samples and {@code tests/case-NNN.json}, each case's
     * expected rows recorded by running the flow on its input with the samples plugin.
     */
    static Path generate(Path dir, int cases, int rows) throws Exception {
        Path samples = Path.of("conf-samples");
        Files.copy(samples.resolve("kis-flow.yml"), dir.resolve("kis-flow.yml"));
        try (var files = Files.list(samples.resolve("student-score"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        LoadResult loaded = ConfigLoader.load(dir);
        if (loaded.hasErrors()) {
            throw new IllegalStateException("the generated project does not load: " + loaded.errors());
        }
        Random random = new Random(42);
        try (Engine engine = Engine.builder().configs(loaded.configs()).plugin(new SamplesPlugin()).build()) {
            for (int c = 1; c <= cases; c++) {
                List<Object> input = new ArrayList<>(rows);
                for (int i = 1; i <= rows; i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("stu_id", c * 100_000 + i);
                    row.put("score_1", random.nextInt(111));
                    row.put("score_2", random.nextInt(101));
                    row.put("score_3", random.nextInt(101));
                    input.add(row);
                }
                KisFlowRun flow = engine.flow("StuScore");
                input.forEach(flow::commitRow);
                flow.run();
                Map<String, List<Object>> expect = new LinkedHashMap<>();
                for (Level l : flow.levels()) {
                    if (l.name().equals("AvgStuScore") || l.name().equals("PrintStuAvgScore")) {
                        expect.put(l.name(), new ArrayList<>(l.rows()));
                    }
                }
                FlowTestFiles.write(dir.resolve(FlowTestFiles.pathOf(String.format("case-%03d", c))),
                        new FlowTestCase("StuScore", "generated by TestCommandBench", input, null, expect, null, null, null, null));
            }
        }
        return dir;
    }

    /** {wall s, cpu s, peak RSS MB} of one cold process; every case must have passed. */
    private static double[] measure(List<String> command, Path dir, int cases) throws IOException, InterruptedException {
        Path times = Files.createTempFile("kisflow-test-bench", ".time");
        Path out = Files.createTempFile("kisflow-test-bench", ".out");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M"));
        timed.addAll(command);
        Process p = new ProcessBuilder(timed).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + Files.readString(out));
        }
        if (command.contains("test") && !Files.readString(out).contains(cases + " cases: " + cases + " passed, 0 failed")) {
            throw new IllegalStateException("not every case passed: " + String.join(" ", command));
        }
        String[] f = Files.readString(times).trim().split("\\s+");
        double[] r = Arrays.stream(f).mapToDouble(Double::parseDouble).toArray();
        Files.delete(times);
        Files.delete(out);
        return new double[]{r[0], r[1] + r[2], r[3] / 1024};
    }

    private static double median(List<double[]> runs, int index) {
        double[] v = runs.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return v[v.length / 2];
    }
}
