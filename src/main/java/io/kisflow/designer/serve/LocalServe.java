package io.kisflow.designer.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A {@code serve} command running in a child process of the designer: the same Java and the same
 * jar (or class path) as the designer's, so what runs is what {@code java -jar kisflow-studio.jar serve}
 * runs on a server. Its output lines go to {@code onLine} (on a reader thread); its end, with the exit
 * status, to {@code onExit}. {@link #stop(Duration)} sends SIGTERM (serve then finishes and commits the
 * batches in flight) and kills the process when it has not ended after the grace time.
 *
 * <pre>{@code LocalServe child = LocalServe.start(LocalServe.command(List.of("serve", "--conf", dir, ...)), dir, log::add, code -> ...);
 * child.stop(Duration.ofSeconds(10));}</pre>
 */
public final class LocalServe {
    private final Process process;

    private LocalServe(Process process) {
        this.process = process;
    }

    /**
     * The command line that runs the studio's command line with {@code args}: this JVM's {@code java}
     * with this JVM's class path (the jar, when started from it) and main class, or the packaged
     * launcher of an app image (which has no {@code java} of its own to call).
     */
    public static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>();
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        String appLauncher = System.getProperty("jpackage.app-path");
        if (!Files.isExecutable(java) && appLauncher != null) {
            command.add(appLauncher); // the app image's launcher runs the command line when given a command
        } else {
            command.add(java.toString());
            command.addAll(List.of("-cp", absoluteClassPath(), "io.kisflow.Launcher"));
        }
        command.addAll(args);
        return command;
    }

    /** Starts the child in {@code workDir}; stdout and stderr are one stream of lines. */
    public static LocalServe start(List<String> command, Path workDir, Consumer<String> onLine, IntConsumer onExit) throws IOException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        LocalServe child = new LocalServe(p);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                onLine.accept("(the service's output could not be read further: " + e.getMessage() + ")");
            }
            int status;
            try {
                status = p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            onExit.accept(status);
        }, "serve-child-output");
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    /** The child's process id (what {@code kill} needs). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGTERM, then SIGKILL when the child is still there after {@code grace}. Blocks up to the grace
     * time plus a few seconds; call it off the UI thread. True when it ended on the SIGTERM.
     */
    public boolean stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy(); // SIGTERM on Linux and macOS: serve finishes the batches in flight and commits
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return false;
    }

    /** Kills at once. */
    public void kill() {
        process.destroyForcibly();
    }

    /** SIGTERM without waiting: the service finishes and commits its batches in flight and ends on its own. */
    public void terminate() {
        process.destroy();
    }

    /** The class path with each entry absolute: the child runs in the project's directory, not in ours. */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
