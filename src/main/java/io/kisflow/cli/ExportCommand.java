package io.kisflow.cli;

import io.kisflow.config.ExportException;
import io.kisflow.config.FolderExport;
import io.kisflow.config.IoReasons;
import io.kisflow.config.LoadResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code export --conf DIR --out DIR [--prune]}: the configs in canonical form, Go's layout, written
 * all or nothing ({@link FolderExport}). An output folder holding config files the export does not
 * write is refused (servers loading it would still read them) unless {@code --prune} removes them;
 * an output folder inside the source, or around it, is refused.
 */
final class ExportCommand {
    private final PrintStream out;
    private final PrintStream err;

    ExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> options) {
        Args args = Args.parse("export", options);
        String conf = args.required("--conf");
        Path outDir = Path.of(args.required("--out"));
        LoadResult loaded = Project.load(conf);
        if (loaded.hasErrors()) {
            Project.print(loaded.errors(), err);
            throw new CommandException(loaded.errors().size() + " problem(s) in " + conf
                    + "; fix them before exporting (nothing was written)");
        }
        try {
            FolderExport.Result r = FolderExport.write(loaded.configs(), Path.of(conf), outDir, args.flag("--prune"));
            for (Path p : r.pruned()) {
                out.println("removed " + p + " (its object is not in " + conf + ")");
            }
            out.println("wrote " + r.written().size() + " file(s) to " + outDir
                    + (r.pruned().isEmpty() ? "" : ", removed " + r.pruned().size()));
            if (!r.note().equals("replaced as a whole")) {
                err.println("note: " + r.note());
            }
            return 0;
        } catch (ExportException e) {
            throw new CommandException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandException("could not write to " + outDir + ": " + IoReasons.describe(e, outDir), e);
        }
    }
}
