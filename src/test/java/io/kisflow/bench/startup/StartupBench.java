package io.kisflow.bench.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of the designer against a bare JavaFX window ({@link BareWindow}), side by side: each
 * round starts a fresh JVM of each (alternating which goes first), waits for its
 * {@code first-full-paint} line (see {@code io.kisflow.designer.StartupTrace}), measures from the
 * moment the process was launched, and ends the process. Prints every time, the medians and their
 * ratio (the bar: at most 1.5).
 *
 * <pre>{@code
 * mvn -B -o -q -DskipTests package && mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * CP=target/test-classes:$(cat target/test-cp.txt)
 * java -cp "$CP" io.kisflow.bench.startup.StartupBench                     # Monocle headless, prism sw
 * DISPLAY=:77 java -cp "$CP" io.kisflow.bench.startup.StartupBench --x11   # a real X server (GTK)
 * }</pre>
 *
 * Options: {@code --rounds N} (default 3), {@code --trace} (print each JVM's phase timestamps and,
 * at its first paint, the CPU time of its threads), {@code --cds [FILE]} (both JVMs with one CDS
 * archive: FILE, or without it one built first from the class lists of a designer and a bare start
 * and the package's, see {@link #buildArchive}), and {@code --designer-args ...} (the rest goes to
 * the designer, e.g. {@code open DIR}). Besides the wall time each start reports its CPU time (user +
 * system, all threads) up to its first paint: on a machine shared with other work the wall time is
 * mostly waiting for a core, the CPU time is what the start costs.
 */
public final class StartupBench {
    private static final long TIMEOUT_S = 180;

    public static void main(String[] args) throws Exception {
        boolean x11 = false;
        boolean trace = false;
        int rounds = 3;
        String cds = null;
        List<String> designerArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--x11" -> x11 = true;
                case "--trace" -> trace = true;
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--cds" -> cds = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "";
                case "--designer-args" -> {
                    designerArgs.addAll(Arrays.asList(args).subList(i + 1, args.length));
                    i = args.length;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path jar = Path.of("target/kisflow-studio.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -o -q -DskipTests package first");
        }
        // One home for every JVM of the run: JavaFX's native libraries are unpacked once (the warm-up
        // round), as on a user's machine after the first start; no recent projects, no recovery copies.
        Path home = Files.createTempDirectory("kisflow-startup-bench");
        List<String> common = new ArrayList<>(List.of("-Duser.home=" + home, "-Dkisflow.startupTrace=true"));
        String cp = jar.toString();
        if (x11) {
            common.add("-Dprism.order=sw");   // Xvfb has no OpenGL: the software pipeline, as headless
        } else {
            common.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k"));
            cp += File.pathSeparator + monocleJar();
        }
        if (cds != null) {
            // one archive for both JVMs: the bare window's JavaFX classes are in it too, so neither side is favoured
            Path archive = cds.isEmpty() ? buildArchive(jar, common, cp) : Path.of(cds).toAbsolutePath();
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException(archive + " is missing");
            }
            cds = archive.toString();
            common.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
        }
        List<String> designer = new ArrayList<>(common);
        designer.addAll(x11 ? List.of("-jar", jar.toString()) : List.of("-cp", cp, "io.kisflow.Launcher"));
        designer.addAll(designerArgs);
        List<String> bare = new ArrayList<>(common);
        bare.addAll(List.of("-cp", cp + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath(),
                BareWindow.Main.class.getName()));

        System.out.printf("cold start to first full paint, %s, %s, %d rounds, load average %.2f%n",
                x11 ? "X11 (GTK, DISPLAY=" + System.getenv("DISPLAY") + ")" : "Monocle headless, prism sw",
                cds == null ? "no CDS archive but the JDK's" : "both with CDS archive " + cds, rounds, load());
        time("warm-up designer", designer, trace);
        time("warm-up bare", bare, trace);
        long[] d = new long[rounds];
        long[] b = new long[rounds];
        long[] dc = new long[rounds];
        long[] bc = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long[] t;
            if (r % 2 == 0) {
                t = time("designer", designer, trace);
                d[r] = t[0];
                dc[r] = t[1];
                t = time("bare", bare, trace);
                b[r] = t[0];
                bc[r] = t[1];
            } else {
                t = time("bare", bare, trace);
                b[r] = t[0];
                bc[r] = t[1];
                t = time("designer", designer, trace);
                d[r] = t[0];
                dc[r] = t[1];
            }
        }
        long dm = median(d);
        long bm = median(b);
        System.out.printf("designer %s ms, median %d ms; CPU %s ms, median %d ms%n", Arrays.toString(d), dm, Arrays.toString(dc), median(dc));
        System.out.printf("bare     %s ms, median %d ms; CPU %s ms, median %d ms%n", Arrays.toString(b), bm, Arrays.toString(bc), median(bc));
        System.out.printf("ratio %.2f wall (bar: at most 1.50), %.2f CPU; load average %.2f%n", (double) dm / bm,
                (double) median(dc) / median(bc), load());
    }

    /**
     * A static CDS archive of every class both JVMs load up to their first paint (and the command
     * line's, from the package's class list), dumped against the jar: each side then maps its classes
     * parsed and verified instead of reading them from the jar. Classes of the test class path (the
     * bare window's own three) and of Monocle stay out: the archive's class path is the jar alone,
     * which both JVMs' class paths start with.
     */
    private static Path buildArchive(Path jar, List<String> common, String cp) throws IOException, InterruptedException {
        Path target = jar.getParent();
        Path designerList = target.resolve("startup-designer.classlist");
        Path bareList = target.resolve("startup-bare.classlist");
        List<String> d = new ArrayList<>(common);
        d.addAll(List.of("-XX:DumpLoadedClassList=" + designerList, "-cp", cp, "io.kisflow.Launcher"));
        time("class list: designer", d, false);
        List<String> b = new ArrayList<>(common);
        b.addAll(List.of("-XX:DumpLoadedClassList=" + bareList, "-cp", cp + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath(),
                BareWindow.Main.class.getName()));
        time("class list: bare", b, false);
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<String> lambdas = new java.util.LinkedHashSet<>();
        for (Path list : List.of(target.resolve("kisflow-studio.classlist"), designerList, bareList)) {
            if (!Files.isRegularFile(list)) {
                continue;
            }
            for (String line : Files.readAllLines(list)) {
                // class names without their id annotations (each list numbers its own); the lambda
                // proxies and method-handle forms name their classes, so they merge as lines, after the classes
                if (line.startsWith("@lambda-proxy ") || line.startsWith("@lambda-form-invoker ")) {
                    lambdas.add(line);
                } else if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("@")) {
                    names.add(line.split(" ", 2)[0]);
                }
            }
        }
        Path merged = target.resolve("startup-bench.classlist");
        List<String> all = new ArrayList<>(names);
        all.addAll(lambdas);
        Files.write(merged, all);
        Path archive = target.resolve("startup-bench.jsa");
        Files.deleteIfExists(archive);
        Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:dump",
                "-XX:SharedClassListFile=" + merged, "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString())
                .redirectErrorStream(true).redirectOutput(target.resolve("startup-bench-cds.log").toFile()).start();
        if (dump.waitFor() != 0) {
            throw new IllegalStateException("the CDS dump failed: see " + target.resolve("startup-bench-cds.log"));
        }
        System.out.printf("  archive %s: %d classes listed, %d MB%n", archive, names.size(), Files.size(archive) >> 20);
        return archive;
    }

    /** Wall ms from launch to the first full paint, and the process's CPU ms (all threads) by then. */
    private static long[] time(String what, List<String> jvmArgs, boolean trace) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long launched = System.currentTimeMillis();
        Process p = pb.start();
        long painted = -1;
        long cpu = -1;
        List<String> lines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("first-full-paint ")) {
                    painted = Long.parseLong(line.substring("first-full-paint ".length()).trim());
                    // user + system time of the process so far (Linux reads /proc/PID/stat; 10 ms ticks)
                    cpu = p.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
                    if (trace) {
                        lines.add("threads " + threadCpu(p.pid()));
                    }
                    break;
                }
            }
        } finally {
            p.destroy();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (painted < 0) {
            throw new IllegalStateException(what + " never reported its first paint; its stderr:\n" + String.join("\n", lines));
        }
        long ms = painted - launched;
        System.out.printf("  %-16s %5d ms wall, %5d ms CPU, load %.1f%n", what, ms, cpu, load());
        if (trace) {
            lines.stream().filter(l -> l.startsWith("startup") || l.startsWith("threads ")).forEach(l -> System.out.println("      " + l));
        }
        return new long[] {ms, cpu};
    }

    /**
     * CPU ms per thread of a running JVM, from /proc/PID/task/TID/stat (Linux), grouped by name with
     * the numbers taken off ("GC Thread#0" and "#1" count as one), largest first: where the CPU went.
     */
    private static String threadCpu(long pid) {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[#]?[0-9]+$", "").trim();
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime
                byName.merge(name, ticks * 10, Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            return "(not readable: " + e + ")";
        }
        return byName.entrySet().stream().filter(e -> e.getValue() > 0).sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String monocleJar() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("openjfx-monocle")) {
                return entry;
            }
        }
        throw new IllegalStateException("openjfx-monocle is not on the class path: run with the test class path (see the class comment)");
    }

    private static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
