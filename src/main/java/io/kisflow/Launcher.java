package io.kisflow;

import io.kisflow.cli.Cli;
import io.kisflow.designer.DesignerLauncher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The jar's main class. With a command ({@code run}, {@code validate}, {@code export}, ...) it runs
 * the command line; with none, or with {@code open DIR}, it opens the designer. A plain class on
 * purpose: a class extending {@code javafx.application.Application} cannot be the main class of a
 * classpath launch.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        io.kisflow.designer.StartupTrace.mark("main");
        if (args.length == 0) {
            DesignerLauncher.launch(null);
            return;
        }
        if (args[0].equals("open")) {
            if (args.length != 2) {
                System.err.println("usage: java -jar kisflow-studio.jar open DIR");
                System.exit(2);
            }
            Path dir = Path.of(args[1]);
            if (!Files.isDirectory(dir)) {
                System.err.println("open: " + dir.toAbsolutePath() + " is not a directory; give the folder that holds the project's .yaml files");
                System.exit(2);
            }
            DesignerLauncher.launch(dir);
            return;
        }
        System.exit(Cli.run(args, System.in, System.out, System.err));
    }
}
