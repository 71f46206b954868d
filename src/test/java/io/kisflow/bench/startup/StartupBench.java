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
 * Options: {@code --rounds N} (default 3), {@code --trace} (print each JVM's phase timestamps), and
 * {@code --designer-args ...} (the rest goes to the designer, e.g. {@code open DIR}).
 */
public final class StartupBench {
    private static final long TIMEOUT_S = 180;

    public static void main(String[] args) throws Exception {
        boolean x11 = false;
        boolean trace = false;
        int rounds = 3;
        List<String> designerArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--x11" -> x11 = true;
                case "--trace" -> trace = true;
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
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
        List<String> designer = new ArrayList<>(common);
        designer.addAll(x11 ? List.of("-jar", jar.toString()) : List.of("-cp", cp, "io.kisflow.Launcher"));
        designer.addAll(designerArgs);
        List<String> bare = new ArrayList<>(common);
        bare.addAll(List.of("-cp", cp + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath(),
                BareWindow.Main.class.getName()));

        System.out.printf("cold start to first full paint, %s, %d rounds, load average %.2f%n",
                x11 ? "X11 (GTK, DISPLAY=" + System.getenv("DISPLAY") + ")" : "Monocle headless, prism sw", rounds, load());
        time("warm-up designer", designer, trace);
        time("warm-up bare", bare, trace);
        long[] d = new long[rounds];
        long[] b = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                d[r] = time("designer", designer, trace);
                b[r] = time("bare", bare, trace);
            } else {
                b[r] = time("bare", bare, trace);
                d[r] = time("designer", designer, trace);
            }
        }
        long dm = median(d);
        long bm = median(b);
        System.out.printf("designer %s ms, median %d ms%n", Arrays.toString(d), dm);
        System.out.printf("bare     %s ms, median %d ms%n", Arrays.toString(b), bm);
        System.out.printf("ratio %.2f (bar: at most 1.50), load average %.2f%n", (double) dm / bm, load());
    }

    private static long time(String what, List<String> jvmArgs, boolean trace) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long launched = System.currentTimeMillis();
        Process p = pb.start();
        long painted = -1;
        List<String> lines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("first-full-paint ")) {
                    painted = Long.parseLong(line.substring("first-full-paint ".length()).trim());
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
        System.out.printf("  %-16s %5d ms%n", what, ms);
        if (trace) {
            lines.stream().filter(l -> l.startsWith("startup ")).forEach(l -> System.out.println("      " + l));
        }
        return ms;
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
