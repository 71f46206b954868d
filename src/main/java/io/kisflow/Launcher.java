package io.kisflow;

import io.kisflow.cli.Cli;
import io.kisflow.designer.DesignerLauncher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The jar's main class. With a command ({@code run}, {@code validate}, {@code export}, ...) it runs
 * the command line; with none, or with {@code open DIR}, it opens the designer. A plain class on
 * purpose: a class extending {@code javafx.application.Application} cannot be the main class of a
 * classpath launch.
 */
public final class Launcher {
    private Launcher() {
    }

    /** Kept strongly: java.util.logging forgets a logger (and its filter) nobody holds. Set by the designer only (the CLI starts no logging it does not use). */
    private static Logger javafxLog;

    public static void main(String[] args) {
        if (args.length == 0) {
            openDesigner(null);
            return;
        }
        if (args.length == 1 && !Cli.isCommand(args[0]) && Files.isDirectory(Path.of(args[0]))) {
            // what a desktop's "Open with KisFlow Studio" on a folder passes
            openDesigner(Path.of(args[0]));
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
            openDesigner(dir);
            return;
        }
        Cli.main(args);
    }

    private static void openDesigner(Path dir) {
        // here, not at the top of main: the command line loads nothing of the designer (CliClassLoadingTest)
        io.kisflow.designer.StartupTrace.mark("main");
        JavaFxNatives.prepare(Path.of(System.getProperty("user.home"), ".kisflow-studio", "natives"));
        // The jar and the packages run JavaFX from the class path on purpose (one jar for every
        // platform); JavaFX warns about that at every start. Drop that one line, nothing else.
        javafxLog = Logger.getLogger("javafx");
        javafxLog.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        DesignerLauncher.launch(dir);
    }
}
