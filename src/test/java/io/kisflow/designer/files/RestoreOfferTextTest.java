package io.kisflow.designer.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kisflow.designer.project.RecoveryStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The restore offer says when the project's files moved on after the recovery copy was made. */
class RestoreOfferTextTest {
    private final Path project = Path.of("/work/proj");
    private final Instant savedAt = Instant.parse("2026-11-21T09:41:00Z");

    @Test
    void withoutALaterChangeTheOfferIsTheUsualOne() {
        String text = Questions.restoreText(savedAt, Optional.empty(), project);
        assertTrue(text.startsWith("A recovery copy from "), text);
        assertTrue(text.endsWith("or discard it and keep the files as they are?"), text);
    }

    @Test
    void aFileChangedAfterTheCopyIsNamedWithWhatRestoringWouldDo() {
        String text = Questions.restoreText(savedAt,
                Optional.of(new RecoveryStore.FileChange(project.resolve("flow/flow-A.yml"), savedAt.plusSeconds(600))), project);
        String tail = text.substring(text.indexOf("\n\n") + 2);
        assertTrue(tail.startsWith("The project's files were changed after that copy was made, outside the designer (flow/flow-A.yml, "), tail);
        assertTrue(tail.endsWith("restoring and then saving would write the copy over those changes. Discard keeps the files as they are now."), tail);
        assertEquals(2, text.split("\n\n").length);
    }
}
