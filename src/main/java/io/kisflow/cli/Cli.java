package io.kisflow.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The command line: dispatches to one command and returns the process exit code. */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        out.println("usage: java -jar kisflow-studio.jar <run|validate|export> ...");
        return args.length == 0 ? 0 : 2;
    }
}
