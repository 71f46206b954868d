package io.kisflow.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The command line on big inputs (not a unit test): {@code run} of StuScore on 4, 100,000 and
 * 1,000,000 JSON rows, and {@code validate} of the generated 6,000-file project (1,000 flows x 5
 * functions, {@link ConfigLoadBenchmark#writeProject}), side by side with a bare JVM, each a cold
 * process of the real jar under {@code /usr/bin/time}, alternated (the order reverses every round),
 * median of the rounds. Prints wall time, CPU time (user + sys, steadier than wall time on a shared
 * machine) and peak RSS. The inputs are generated here, seeded, in the shape of
 * conf-samples/student-score/input.jsonl (about 1 in 10 rows has a score over 100).
 *
 * <p>Given a baseline jar (another build), it runs the same cases with it in the same rounds and
 * checks that both wrote the same result, byte for byte. Each jar runs with each set of JVM options
 * of {@code -Doptions} (sets separated by {@code ;}; default: none, and {@code launcher}, the packaged
 * command line's options from src/packaging/kisflow.properties with the archive beside the jar);
 * {@code -Drows=4,100000} and {@code -Dvalidate=false} narrow the cases.
 *
 * <pre>{@code mvn -q -DskipTests package && mvn -q test-compile
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) io.kisflow.bench.CliRunBench [rounds=3] [jar=target/kisflow-studio.jar] [baseline jar]
 * java -Doptions="launcher;launcher -XX:TieredStopAtLevel=4" -Drows=1000000 -Dvalidate=true -cp ... io.kisflow.bench.CliRunBench 5}</pre>
 */
public final class CliRunBench {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--noop")) {
            return; // the bare JVM: start, run an empty main, end
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Map<String, Path> jars = new LinkedHashMap<>();
        jars.put("this build", Path.of(args.length > 1 ? args[1] : "target/kisflow-studio.jar").toAbsolutePath());
        if (args.length > 2) {
            jars.put("baseline", Path.of(args[2]).toAbsolutePath());
        }
        Path dir = Files.createTempDirectory("kisflow-cli-bench");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<String>> cases = new LinkedHashMap<>();
        Map<String, Integer> rowsOf = new LinkedHashMap<>();
        cases.put("bare JVM (empty main)", List.of(javaBin, "-cp", System.getProperty("java.class.path"), CliRunBench.class.getName(), "--noop"));
        List<String> optionSets = List.of(System.getProperty("options", ";launcher").split(";", -1));
        List<List<String>> commands = new ArrayList<>();
        for (String rows : System.getProperty("rows", "4,100000,1000000").split(",")) {
            if (!rows.isBlank()) {
                int n = Integer.parseInt(rows.trim());
                Path input = generate(dir.resolve("input-" + n + ".jsonl"), n);
                commands.add(List.of(String.format("%,d rows", n), String.valueOf(n), "run", "--conf", "conf-samples",
                        "--flow", "StuScore", "--json", "--input", input.toString()));
            }
        }
        if (Boolean.parseBoolean(System.getProperty("validate", "true"))) {
            Path project = dir.resolve("project");
            ConfigLoadBenchmark.writeProject(project);
            commands.add(List.of("validate 6,000 files", "", "validate", "--conf", project.toString()));
        }
        for (List<String> command : commands) {
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                for (String options : optionSets) {
                    String name = String.format("%s%s, %s", jar.getKey(), options.isBlank() ? "" : " [" + options.trim() + "]", command.get(0));
                    List<String> line = new ArrayList<>(List.of(javaBin));
                    line.addAll(jvmOptions(options, jar.getValue()));
                    line.addAll(List.of("-jar", jar.getValue().toString()));
                    line.addAll(command.subList(2, command.size()));
                    cases.put(name, line);
                    if (!command.get(1).isEmpty()) {
                        rowsOf.put(name, Integer.parseInt(command.get(1)));
                    }
                }
            }
        }
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        Map<Integer, String> resultHash = new LinkedHashMap<>();
        List<String> loads = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(cases.keySet());
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String name : order) {
                results.computeIfAbsent(name, k -> new ArrayList<>()).add(measure(cases.get(name), dir));
                if (rowsOf.containsKey(name)) {
                    String hash = sha256(dir.resolve("out.json"));
                    String before = resultHash.putIfAbsent(rowsOf.get(name), hash);
                    if (before != null && !before.equals(hash)) {
                        throw new IllegalStateException(name + " wrote another result than the first run of " + rowsOf.get(name) + " rows");
                    }
                }
            }
            loads.add(Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0]);
        }
        System.out.printf("load average after each round: %s; %d rounds; results identical across builds and options%n",
                String.join(", ", loads), rounds);
        System.out.println("| case | wall s | CPU s (user+sys) | peak RSS MB |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            System.out.printf("| %s | %.2f | %.2f | %.0f |%n", e.getKey(), median(e.getValue(), 0), median(e.getValue(), 1), median(e.getValue(), 2));
        }
        System.out.println();
        System.out.println("100,000 rows minus 4 rows (medians):");
        for (String name : results.keySet()) {
            String big = name.replace(", 4 rows", ", 100,000 rows");
            if (name.endsWith(", 4 rows") && results.containsKey(big)) {
                System.out.printf("  %s: +%.2f s wall, +%.2f s CPU%n", name.replace(", 4 rows", ""),
                        median(results.get(big), 0) - median(results.get(name), 0), median(results.get(big), 1) - median(results.get(name), 1));
            }
        }
    }

    /**
     * A set of JVM options: "launcher" stands for the packaged command line's java-options
     * (src/packaging/kisflow.properties), its archive the one {@code mvn package} wrote beside the jar.
     */
    private static List<String> jvmOptions(String set, Path jar) throws IOException {
        List<String> options = new ArrayList<>();
        for (String word : set.trim().split("\\s+")) {
            if (word.equals("launcher")) {
                String line = Files.readAllLines(Path.of("src/packaging/kisflow.properties")).stream()
                        .filter(l -> l.startsWith("java-options=")).findFirst().orElseThrow().substring("java-options=".length());
                Path archive = jar.resolveSibling(jar.getFileName().toString().replaceAll("\\.jar$", ".jsa"));
                options.addAll(List.of(line.replace("$APPDIR/kisflow-studio.jsa", archive.toString()).split("\\s+")));
            } else if (!word.isEmpty()) {
                options.add(word);
            }
        }
        return options;
    }

    private static String sha256(Path file) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** Seeded rows of the sample's shape: ids from 1, three scores, about one in ten over 100. */
    static Path generate(Path file, int rows) throws IOException {
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= rows; i++) {
                w.write("{\"stu_id\": " + i + ", \"score_1\": " + random.nextInt(111) + ", \"score_2\": " + random.nextInt(101)
                        + ", \"score_3\": " + random.nextInt(101) + "}\n");
            }
        }
        return file;
    }

    /** {wall s, cpu s, peak RSS MB} of one cold process; its stdout goes to a file that must hold the whole result. */
    private static double[] measure(List<String> command, Path dir) throws IOException, InterruptedException {
        Path times = dir.resolve("time.txt");
        Path out = dir.resolve("out.json");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M"));
        timed.addAll(command);
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(timed).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + Files.readString(err));
        }
        if (command.contains("validate") && !Files.readString(err).contains("0 error(s), 5000 warning(s)")) {
            throw new IllegalStateException("validate did not check the whole project: " + Files.readString(err));
        }
        if (command.contains("run")) {
            String tail = tail(out);
            if (!tail.contains("PrintStuAvgScore") && !tail.endsWith("]\n}\n")) {
                throw new IllegalStateException("incomplete result of " + String.join(" ", command) + ": ..." + tail);
            }
        }
        String[] f = Files.readString(times).trim().split("\\s+");
        double[] r = Arrays.stream(f).mapToDouble(Double::parseDouble).toArray();
        return new double[]{r[0], r[1] + r[2], r[3] / 1024};
    }

    private static String tail(Path file) throws IOException {
        try (var ch = Files.newByteChannel(file)) {
            long size = ch.size();
            ch.position(Math.max(0, size - 200));
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(200);
            ch.read(b);
            return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
        }
    }

    private static double median(List<double[]> runs, int index) {
        double[] v = runs.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return v[v.length / 2];
    }
}
