package io.kisflow.cli;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.FolderExport;
import io.kisflow.config.LoadResult;
import io.kisflow.config.Problem;
import io.kisflow.config.UnfinishedSave;
import io.kisflow.code.ProjectCode;
import io.kisflow.engine.Engine;
import io.kisflow.samples.SamplesPlugin;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loading a config directory and building an engine for it, as the run and validate commands share it. */
final class Project {
    private Project() {
    }

    static Path existing(String dir, String option) {
        Path p = Path.of(dir);
        FolderExport.interrupted(p).ifPresent(message -> {
            throw new CommandException(option + " " + message);
        });
        if (!Files.exists(p)) {
            throw new CommandException(option + " " + dir + ": no such file or directory; check the path (relative paths start at "
                    + System.getProperty("user.dir") + ")");
        }
        return p;
    }

    /** Loads a config folder; one holding an unfinished designer save is refused, not loaded half old, half new. */
    static LoadResult load(String dir) {
        Path p = existing(dir, "--conf");
        UnfinishedSave.in(p).ifPresent(message -> {
            throw new CommandException(message);
        });
        return ConfigLoader.load(p);
    }

    /**
     * One problem a line, handed to the stream 64 KB at a time: System.out flushes at every
     * println, and a big project's 5,000 warnings were 5,000 writes.
     */
    static void print(List<Problem> problems, PrintStream stream) {
        StringBuilder text = new StringBuilder();
        String newline = System.lineSeparator();
        for (Problem p : problems) {
            text.append(p).append(newline);
            if (text.length() >= 1 << 16) {
                stream.print(text);
                text.setLength(0);
            }
        }
        stream.print(text);
        stream.flush();
    }

    /** The project's function sources ({@code functions/*.java}), compiled; nothing is compiled when there are none. */
    static ProjectCode code(String dir) {
        return ProjectCode.load(Path.of(dir));
    }

    /**
     * The built-in samples plugin first (unless turned off), then the project's function sources,
     * then the user's plugin jars, which win on name clashes.
     */
    static Engine engine(LoadResult loaded, Args args, Integer maxCalls, ProjectCode code) {
        return build(builder(loaded, args, maxCalls, code));
    }

    /** The builder {@link #engine} builds, for a command that adds to it (test adds its mocks). */
    static Engine.Builder builder(LoadResult loaded, Args args, Integer maxCalls, ProjectCode code) {
        // Go's behaviour, stated here so that a designer-side default never changes the command line:
        // the global file's prometheus_enable turns metrics on, prometheus_listen serves them.
        // The loop error names the option a command-line user raises the call limit with.
        Engine.Builder builder = Engine.builder().configs(loaded.configs())
                .metrics(loaded.configs().globalOrDefault().prometheusEnable())
                .maxCallsSetting("--max-calls N");
        if (!args.flag("--no-samples")) {
            builder.plugin(new SamplesPlugin());
        }
        code.plugins().forEach(builder::plugin);
        for (String plugin : args.all("--plugin")) {
            builder.pluginPath(existing(plugin, "--plugin"));
        }
        if (maxCalls != null) {
            builder.maxCalls(maxCalls);
        }
        // run and test: Go's semantics, quirks included, instead of the Java engine's fixes
        builder.goSemantics(args.flag("--go-semantics"));
        return builder;
    }

    static Engine build(Engine.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }
}
