package io.kisflow.designer.project;

import java.util.concurrent.CancellationException;

/**
 * Where opening, saving and exporting report how far they are, and how they learn that the user
 * cancelled: {@link #step} throws {@link CancellationException} once Cancel was pressed, so the work
 * stops between two files. A save asks {@link #decide()} once, just before the step that decides it
 * (after it the files are replaced, and Cancel no longer applies). The designer passes its long-work
 * runner's progress; tests and the command line pass {@link #NONE}.
 *
 * <pre>{@code files.apply(plan, (done, total, what) -> System.out.println(done + "/" + total + " " + what));}</pre>
 */
@FunctionalInterface
public interface FileProgress {
    /** Reports nothing and never cancels. */
    FileProgress NONE = (done, total, what) -> {
    };

    /**
     * {@code done} of {@code total} steps (total 0 or less: unknown) and what is being done now.
     *
     * @throws CancellationException when the user cancelled: nothing after this step happens
     */
    void step(long done, long total, String what);

    /**
     * The point of no return of a save: true lets it go on (and Cancel no longer applies); false,
     * because the user cancelled, makes the save undo what it prepared and write nothing.
     */
    default boolean decide() {
        return true;
    }
}
