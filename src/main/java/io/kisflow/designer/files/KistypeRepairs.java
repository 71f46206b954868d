package io.kisflow.designer.files;

import io.kisflow.config.KistypeRepair;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.document.StatusMessage;
import io.kisflow.designer.project.Recovered;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Files of the open project that Go exported with {@code kistype: ""}: found when the project opens
 * (the loader lists them as errors), repaired only when the user accepts, by writing {@code kistype}
 * (the kind from the file name) and nothing else into each, then reopening the project.
 *
 * <pre>{@code List<KistypeRepair.Fix> fixes = KistypeRepairs.found(session); if (userAccepts) KistypeRepairs.repair(session, doc, fixes);}</pre>
 */
public final class KistypeRepairs {
    private KistypeRepairs() {
    }

    /** The repairable files of the open project; empty when there is none (or no project). */
    public static List<KistypeRepair.Fix> found(ProjectSession session) {
        Path dir = session.directory();
        return dir == null ? List.of() : KistypeRepair.find(dir);
    }

    /** Writes the fixes and reopens the project; returns what reopening offers back (recovered work, if any). */
    public static Optional<Recovered> repair(ProjectSession session, ProjectDocument doc, List<KistypeRepair.Fix> fixes)
            throws IOException {
        List<Path> written = KistypeRepair.apply(fixes);
        Optional<Recovered> recovered = session.open(session.directory());
        doc.tell(StatusMessage.info("Repaired kistype in " + written.size() + (written.size() == 1 ? " file" : " files")
                + "; nothing else in them changed."));
        return recovered;
    }
}
