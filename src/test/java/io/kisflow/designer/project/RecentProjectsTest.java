package io.kisflow.designer.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentProjectsTest {
    @TempDir
    Path tmp;

    @Test
    void mostRecentFirstWithoutRepeats() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        RecentProjects recent = new RecentProjects(tmp.resolve("state"));
        assertEquals(List.of(), recent.list());
        recent.add(a);
        recent.add(b);
        recent.add(a.resolve("../a"));
        assertEquals(List.of(a, b), new RecentProjects(tmp.resolve("state")).list());
        recent.remove(a);
        assertEquals(List.of(b), recent.list());
    }

    @Test
    void keepsTenAndHidesMissingFolders() throws Exception {
        RecentProjects recent = new RecentProjects(tmp.resolve("state"));
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            dirs.add(Files.createDirectories(tmp.resolve("p" + i)));
            recent.add(dirs.get(i));
        }
        List<Path> expected = new ArrayList<>();
        for (int i = 11; i >= 2; i--) {
            expected.add(dirs.get(i));
        }
        assertEquals(expected, recent.list());

        Files.delete(dirs.get(5));
        expected.remove(dirs.get(5));
        assertEquals(expected, recent.list());

        Files.createDirectories(dirs.get(5)); // the disk came back: the folder is listed again
        recent.add(dirs.get(0));
        assertEquals(dirs.get(0), recent.list().get(0));
        assertEquals(RecentProjects.LIMIT, recent.list().size());
    }

    @Test
    void damagedListReadsAsEmptyAndIsReplacedOnAdd() throws Exception {
        Path state = Files.createDirectories(tmp.resolve("state"));
        Files.writeString(state.resolve(RecentProjects.FILE_NAME), "[[[");
        RecentProjects recent = new RecentProjects(state);
        assertEquals(List.of(), recent.list());
        recent.add(tmp);
        assertEquals(List.of(tmp), recent.list());
    }
}
