package io.kisflow.cli;

import io.kisflow.config.ConfigExporter;
import io.kisflow.config.IoReasons;
import io.kisflow.config.LoadResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code export --conf DIR --out DIR}: the configs in canonical form, Go's layout, atomically written. */
final class ExportCommand {
    private final PrintStream out;
    private final PrintStream err;

    ExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> options) {
        Args args = Args.parse("export", options, Set.of("--conf", "--out"), Set.of());
        LoadResult loaded = Project.load(args.required("--conf"));
        Path outDir = Path.of(args.required("--out"));
        if (loaded.hasErrors()) {
            Project.print(loaded.errors(), err);
            throw new CommandException(loaded.errors().size() + " problem(s) in " + args.required("--conf")
                    + "; fix them before exporting (nothing was written)");
        }
        try {
            List<Path> written = ConfigExporter.export(loaded.configs(), outDir);
            out.println("wrote " + written.size() + " file(s) to " + outDir);
            return 0;
        } catch (IOException e) {
            throw new CommandException("could not write to " + outDir + ": " + IoReasons.describe(e, outDir), e);
        }
    }
}
