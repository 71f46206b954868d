package io.kisflow.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running one of the loops of this package on the test classpath, killed with SIGKILL
 * (what {@code kill -9} sends: no shutdown hook, no finally block runs) at a random moment inside
 * the work it announces on stdout ("saving ..."/"exporting ..." starts it, "saved MS"/"exported MS"
 * ends it).
 */
final class KilledChild {
    /** Kills per test: a few in {@code mvn test}; {@code -Dkisflow.kills=200} for the long run. */
    static int kills(int bounded) {
        return Integer.getInteger("kisflow.kills", bounded);
    }

    private KilledChild() {
    }

    /**
     * Starts {@code main} with {@code args}, waits until it has started its {@code skip}+1-th piece of
     * work, then kills it a random time into that piece (up to the length of the last finished
     * one, or {@code guessMs}). Returns the lines it printed.
     */
    static List<String> runAndKill(Class<?> main, List<String> args, int skip, long guessMs, Random random, Path log)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-Xshare:auto", main.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long lastMs = guessMs;
            int started = 0;
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("saved ") || line.startsWith("exported ")) {
                    lastMs = Long.parseLong(line.substring(line.indexOf(' ') + 1).trim());
                } else if ((line.startsWith("saving") || line.startsWith("exporting")) && started++ == skip) {
                    Thread.sleep((long) (random.nextDouble() * lastMs));
                    break;
                }
            }
            if (line == null) {
                throw new AssertionError(main.getSimpleName() + " ended by itself (exit " + p.waitFor() + "): " + lines);
            }
        } finally {
            p.destroyForcibly(); // SIGKILL on Linux and macOS
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the child did not die");
            }
        }
        return lines;
    }
}
