package io.kisflow.reliability;

import io.kisflow.cli.Cli;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child process of {@link KillDuringExportTest}: runs {@code export --prune} of the two source
 * folders into one output folder in turn, saying on stdout when each export starts and how long it
 * took, until it is killed.
 *
 * <pre>{@code java -cp ... io.kisflow.reliability.ExportLoop CONF0 CONF1 OUT}</pre>
 */
public final class ExportLoop {
    private ExportLoop() {
    }

    public static void main(String[] args) {
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        for (int i = 0; ; i++) {
            String conf = args[i % 2];
            System.out.println("exporting " + conf);
            long t0 = System.nanoTime();
            int exit = Cli.run(new String[] {"export", "--conf", conf, "--out", args[2], "--prune"}, System.in, quiet, System.err);
            if (exit != 0) {
                System.exit(exit);
            }
            System.out.println("exported " + (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
