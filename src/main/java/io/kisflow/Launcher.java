package io.kisflow;

import io.kisflow.cli.Cli;

/**
 * The jar's main class. With a command ({@code run}, {@code validate}, {@code export}, ...) it runs
 * the command line; with none it opens the designer. A plain class on purpose: a class extending
 * {@code javafx.application.Application} cannot be the main class of a classpath launch.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.in, System.out, System.err));
    }
}
