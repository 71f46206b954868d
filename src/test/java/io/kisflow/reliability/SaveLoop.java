package io.kisflow.reliability;

import io.kisflow.designer.project.ProjectFiles;
import io.kisflow.designer.project.ProjectLayout;
import io.kisflow.designer.project.SavePlan;
import java.nio.file.Path;

/**
 * The child process of {@link KillDuringSaveTest}: opens the project (which finishes or undoes a
 * save an earlier kill interrupted), then saves the other version into it, again and again, saying
 * on stdout when each save starts and how long it took, until it is killed.
 *
 * <pre>{@code java -cp ... io.kisflow.reliability.SaveLoop DIR FUNCTIONS}</pre>
 */
public final class SaveLoop {
    private SaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int functions = Integer.parseInt(args[1]);
        while (true) {
            ProjectFiles files = ProjectFiles.open(dir);
            int version = CrashProjects.which(files.configs(), functions);
            if (version < 0) {
                System.out.println("mixed");
                System.exit(3);
            }
            SavePlan plan = files.planSave(CrashProjects.version(1 - version, functions),
                    ProjectLayout.EMPTY.withZoom(1 - version + 1.0), dir, CrashProjects.renames(version));
            System.out.println("saving " + plan.summary());
            long t0 = System.nanoTime();
            files.apply(plan);
            System.out.println("saved " + (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
