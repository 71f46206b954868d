package io.kisflow.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real command line in a child JVM (the jar's main class on the test class path), for what
 * only a process shows: its exit code, exit calls of plugin code, out-of-memory, a timeout.
 */
record ChildCli(int exit, String out, String err, long millis) {
    /** A class path launch with no JVM options but {@code jvmOptions}: what {@code java -jar} does (the jar's manifest adds none). */
    static ChildCli run(Path java, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.kisflow.Launcher"));
        command.addAll(List.of(args));
        Path dir = Files.createTempDirectory("child-cli");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command line did not end within 120 s: " + String.join(" ", args));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new ChildCli(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), millis);
    }

    static ChildCli run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return run(Path.of(System.getProperty("java.home"), "bin", "java"), jvmOptions, args);
    }

    /** A JDK of version 21 or later installed beside the one running the tests, if any (their release files say which). */
    static Optional<Path> newerJava() throws IOException {
        Path jvms = Path.of(System.getProperty("java.home")).getParent();
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> major(h) >= 21).map(h -> h.resolve("bin/java")).filter(Files::isExecutable).findFirst();
        }
    }

    private static int major(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    return Integer.parseInt(line.substring(14).split("[.\"]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK home
        }
        return 0;
    }
}
