package io.kisflow.cli;

import io.kisflow.config.KistypeRepair;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code repair --conf DIR}: writes {@code kistype} into the files Go's export left with an empty one
 * ({@code kistype: ""}), the kind taken from the file name ({@code flow-}, {@code func-},
 * {@code conn-}). Only that value changes in each file; {@code validate} lists the same files first.
 */
final class RepairCommand {
    private final PrintStream out;
    private final PrintStream err;

    RepairCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> options) {
        Args args = Args.parse("repair", options);
        String conf = args.required("--conf");
        Path dir = Project.existing(conf, "--conf");
        List<KistypeRepair.Fix> fixes = KistypeRepair.find(dir);
        if (fixes.isEmpty()) {
            err.println("nothing to repair in " + conf + ": no file named flow-, func- or conn- has an empty kistype");
            return 0;
        }
        try {
            List<Path> written = KistypeRepair.apply(fixes);
            for (KistypeRepair.Fix f : fixes) {
                if (written.contains(f.file())) {
                    out.println(f.file() + ":" + f.line() + ": wrote kistype: " + f.kind().yaml());
                }
            }
            err.println("repaired " + written.size() + " file(s) in " + conf + "; run validate to check the rest");
            return 0;
        } catch (IOException e) {
            throw new CommandException("could not repair the files in " + conf + ": " + e.getMessage(), e);
        }
    }
}
