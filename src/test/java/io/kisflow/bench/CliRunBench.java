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
 * 1,000,000 JSON rows, side by side with a bare JVM, each a cold process of the real jar under
 * {@code /usr/bin/time}, alternated, median of the rounds. Prints wall time, CPU time (user + sys,
 * steadier than wall time on a shared machine) and peak RSS. The inputs are generated here, seeded,
 * in the shape of conf-samples/student-score/input.jsonl (about 1 in 10 rows has a score over 100).
 *
 * <p>Given a baseline jar (another build), it runs the same cases with it in the same rounds and
 * checks that both wrote the same result, byte for byte. Each jar also runs with
 * {@code -XX:+UseSerialGC}, the collector the packaged command-line launcher chooses.
 *
 * <pre>{@code mvn -q -DskipTests package && mvn -q test-compile
 * java -cp target/test-classes io.kisflow.bench.CliRunBench [rounds=3] [jar=target/kisflow-studio.jar] [baseline jar]}</pre>
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
        for (int rows : new int[]{4, 100_000, 1_000_000}) {
            Path input = generate(dir.resolve("input-" + rows + ".jsonl"), rows);
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                for (String gc : new String[]{"", "-XX:+UseSerialGC"}) {
                    String name = String.format("%s%s, %,d rows", jar.getKey(), gc.isEmpty() ? "" : " " + gc, rows);
                    List<String> command = new ArrayList<>(List.of(javaBin));
                    if (!gc.isEmpty()) {
                        command.add(gc);
                    }
                    command.addAll(List.of("-jar", jar.getValue().toString(), "run", "--conf", "conf-samples",
                            "--flow", "StuScore", "--json", "--input", input.toString()));
                    cases.put(name, command);
                    rowsOf.put(name, rows);
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
        System.out.printf("load average after each round: %s; %d rounds; results identical across builds and collectors%n",
                String.join(", ", loads), rounds);
        System.out.println("| case | wall s | CPU s (user+sys) | peak RSS MB |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            System.out.printf("| %s | %.2f | %.2f | %.0f |%n", e.getKey(), median(e.getValue(), 0), median(e.getValue(), 1), median(e.getValue(), 2));
        }
        System.out.println();
        System.out.println("100,000 rows minus 4 rows (medians):");
        for (String name : results.keySet()) {
            if (name.endsWith(", 4 rows")) {
                String big = name.replace(", 4 rows", ", 100,000 rows");
                System.out.printf("  %s: +%.2f s wall, +%.2f s CPU%n", name.replace(", 4 rows", ""),
                        median(results.get(big), 0) - median(results.get(name), 0), median(results.get(big), 1) - median(results.get(name), 1));
            }
        }
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
        Process p = new ProcessBuilder(timed).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
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
