package io.kisflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the loader generated and mutated config files and checks what it promises on any input: no
 * exception escapes, every problem names the file it is about, each file takes bounded time, and a
 * file that loads without errors exports to text that loads back to the same object.
 *
 * <p>{@code mvn test} runs a few hundred cases (seconds). The long run is the same test with more
 * cases and, to explore further, another seed:
 * <pre>mvn -o test -Dtest=LoaderFuzzTest -Dkisflow.fuzz.cases=50000 -Dkisflow.fuzz.seed=7</pre>
 * A failure names the seed and case, and {@code -Dkisflow.fuzz.keep=DIR} keeps the failing file there.
 */
class LoaderFuzzTest {
    private static final int CASES = Integer.getInteger("kisflow.fuzz.cases", 400);
    private static final long SEED = Long.getLong("kisflow.fuzz.seed", 20261201L);
    /** CPU time one case may take; files here are at most a few hundred kilobytes. */
    private static final long CASE_BOUND_MS = 1000;

    private static final String[] SNIPPETS = {
        ": ", "- ", "\n", "\n  ", "\n    ", "#", "&a ", "*a", "&b ", "*b", "<<: *a\n", "!!str ", "!!int ", "!!java.io.File ", "!x ", "? ",
        "[", "]", "{", "}", ",", "\"", "'", "|\n", ">-\n", "---\n", "...\n", "%YAML 1.1\n", "\t", "\u0000", "\u0007", "\uFEFF",
        "\u2028", "\u00e9", "\ud83d\ude00", "\ud800", "~", "null", "true", "yes", "0x1F", "0o17", "0b101", "1e999", ".inf", "-.nan",
        "2024-01-02", "1_000", "190:20:30", "9".repeat(5000), "a".repeat(3000), "kistype: ", "kistype: \"\"", "fname: ", "flow_name: ",
        "cname: ", "fmode: Save", "status: ", "flows:\n  - fname: ", "option:\n  cname: ", "params: {", "must: [", "retry_times: ",
        "default_params:\n    ", "load: [", "save: [",
    };

    @TempDir
    Path dir;

    @Test
    void anyInputGivesProblemsWithTheFileNeverAnExceptionAndLoadsBackWhenValid() throws Exception {
        Random random = new Random(SEED);
        List<String> seeds = seedFiles();
        int loadedClean = 0;
        for (int i = 0; i < CASES; i++) {
            String name = switch (random.nextInt(4)) {
                case 0 -> "flow-x.yaml";
                case 1 -> "func-x.yml";
                case 2 -> "conn-x.yaml";
                default -> "x.yml";
            };
            byte[] bytes = mutate(seeds.get(random.nextInt(seeds.size())), random);
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            String where = "seed " + SEED + ", case " + i + " (" + name + ", " + bytes.length + " bytes)";
            long start = cpuNanos();
            LoadResult r;
            try {
                r = ConfigLoader.load(file);
            } catch (Throwable t) {
                fail(keep(file, where) + ": the loader threw " + t, t);
                return;
            }
            long ms = (cpuNanos() - start) / 1_000_000;
            assertTrue(ms <= CASE_BOUND_MS, () -> keep(file, where) + ": took " + ms + " ms of CPU");
            for (Problem p : r.problems()) {
                assertEquals(file, p.file(), () -> keep(file, where) + ": a problem that does not name its file: " + p);
                assertTrue(p.message() != null && !p.message().isBlank() && p.message().length() < 2000,
                        () -> keep(file, where) + ": a problem without a readable message: " + p);
            }
            if (!r.hasErrors()) {
                loadedClean++;
                for (Map.Entry<String, String> e : ConfigExporter.render(r.configs()).entrySet()) {
                    assertTrue(e.getValue().getBytes(StandardCharsets.UTF_8).length <= LoadLimits.MAX_FILE_BYTES,
                            () -> keep(file, where) + ": its export passes the size limit");
                    LoadResult back = ConfigLoader.loadString(e.getValue(), Path.of(e.getKey()));
                    assertTrue(back.errors().isEmpty(), () -> keep(file, where) + ": its export does not load: " + back.errors());
                    // connectors export save/load lists derived from the functions of the set, so only the others compare whole
                    ConfigSet a = r.configs();
                    ConfigSet b = back.configs();
                    assertTrue(a.flows().equals(b.flows()) && a.funcs().equals(b.funcs()) && java.util.Objects.equals(a.global(), b.global())
                            || !a.conns().isEmpty(), () -> keep(file, where) + ": its export loads back different");
                }
            }
        }
        assertTrue(loadedClean > CASES / 20, "the mutations keep some files valid, so the export check runs: " + loadedClean);
    }

    /** Valid files of every kind: the samples shipped with the project and a few written here. */
    private static List<String> seedFiles() throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("conf-samples"))) {
            for (Path p : s.filter(ConfigFiles::isConfigName).sorted().toList()) {
                out.add(Files.readString(p));
            }
        }
        out.add("kistype: global\nprometheus_enable: true\nprometheus_listen: yes\nprometheus_serve: 0.0.0.0:20004\nx: &a {k: v}\ny: *a\n");
        out.add("kistype: func\nfname: F\nfmode: Calculate\nsource: {name: s, must: [a, b]}\noption: {cname: C, retry_times: 3, "
                + "return_duration: 1.5, default_params: {a: 1, b: [x]}}\n");
        out.add("kistype: conn\ncname: C\naddrs: 'h:1'\ntype: redis\nkey: k\nparams: {p: q}\nload: [F]\nsave: [G, G]\n");
        out.add("kistype: flow\nstatus: 1\nflow_name: \"Fl\\u00f6w\"\nflows:\n  - {fname: F, params: {x: y}}\n  - fname: G\n    extra: [1, 2.5, null]\n");
        return out;
    }

    /** A few edits of one of: replace a span, insert a snippet, repeat a span, flip a byte, change the encoding. */
    private static byte[] mutate(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length() + 1);
            switch (random.nextInt(6)) {
                case 0, 1 -> sb.insert(at, SNIPPETS[random.nextInt(SNIPPETS.length)]);
                case 2 -> {
                    int end = Math.min(sb.length(), at + random.nextInt(40));
                    sb.delete(at, end);
                }
                case 3 -> {
                    int end = Math.min(sb.length(), at + 1 + random.nextInt(30));
                    String span = sb.substring(at, end);
                    sb.insert(at, span.repeat(1 + random.nextInt(random.nextBoolean() ? 4 : 2000)));
                }
                case 4 -> {
                    int depth = 1 + random.nextInt(40);
                    sb.insert(at, "[".repeat(depth) + "1" + "]".repeat(random.nextInt(depth + 1)));
                }
                default -> {
                    if (at < sb.length()) {
                        sb.setCharAt(at, (char) random.nextInt(0x3000));
                    }
                }
            }
        }
        byte[] utf8 = sb.toString().getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(12)) {
            case 0 -> sb.toString().getBytes(StandardCharsets.UTF_16); // with a byte order mark
            case 1 -> {
                byte[] broken = utf8.clone();
                if (broken.length > 0) {
                    broken[random.nextInt(broken.length)] = (byte) (0x80 + random.nextInt(0x80));
                }
                yield broken;
            }
            default -> utf8;
        };
    }

    private static String keep(Path file, String where) {
        String to = System.getProperty("kisflow.fuzz.keep");
        if (to != null) {
            try {
                Path target = Files.createDirectories(Path.of(to)).resolve(where.replaceAll("[^A-Za-z0-9.-]+", "_") + "-" + file.getFileName());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return where + " (kept as " + target + ")";
            } catch (Exception e) {
                return where + " (could not keep the file: " + e + ")";
            }
        }
        return where;
    }

    private static long cpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        return mx.getCurrentThreadCpuTime();
    }
}
