package io.kisflow.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells whether a config folder holds an unfinished save of KisFlow Studio's designer. The designer
 * records every save in a journal ({@value #JOURNAL}, JSON, never YAML, so Go's loader ignores it)
 * before it touches a config file, and removes it when the save is done. A journal left behind means
 * the saving process was killed: the folder's files may be part old, part new until the designer
 * opens the folder again and finishes (or undoes) that save. The command line reads no such folder.
 *
 * <pre>{@code UnfinishedSave.in(dir).ifPresent(message -> { throw new IllegalStateException(message); });}</pre>
 */
public final class UnfinishedSave {
    /** The designer's save journal, at the top of the saved folder. */
    public static final String JOURNAL = ".kisflow-save.json";

    private UnfinishedSave() {
    }

    /** A sentence naming the journal and saying what to do, when {@code dir} holds an unfinished save. */
    public static Optional<String> in(Path dir) {
        Path journal = dir.resolve(JOURNAL);
        if (!Files.isDirectory(dir) || !Files.exists(journal)) {
            return Optional.empty();
        }
        return Optional.of(dir + " holds an unfinished save of KisFlow Studio (" + journal + "): the process that was saving"
                + " stopped before it was done, so the folder may hold a mix of old and new files. Open the folder in the designer"
                + " (java -jar kisflow-studio.jar open " + dir + ") to finish or undo that save, then run this command again");
    }
}
