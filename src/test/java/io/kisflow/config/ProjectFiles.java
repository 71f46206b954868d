package io.kisflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: write project files, find fixtures, and find problems by file and line. */
final class ProjectFiles {
    private ProjectFiles() {
    }

    static Path write(Path dir, String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static Path fixture(String name) {
        try {
            return Path.of(ProjectFiles.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String func(String name, String mode) {
        return "kistype: func\nfname: " + name + "\nfmode: " + mode + "\n";
    }

    static String flow(String name, String... funcs) {
        StringBuilder sb = new StringBuilder("kistype: flow\nstatus: 1\nflow_name: " + name + "\nflows:\n");
        for (String f : funcs) {
            sb.append("  - fname: ").append(f).append('\n');
        }
        return sb.toString();
    }

    /** The only problem of the result reported for this file; fails listing all problems otherwise. */
    static Problem onlyProblem(LoadResult r, Path file) {
        List<Problem> here = r.problems().stream().filter(p -> file.equals(p.file())).toList();
        if (here.size() != 1) {
            fail("expected one problem in " + file + ", got:\n" + dump(r));
        }
        return here.get(0);
    }

    /** Asserts an error at file:line whose message contains every fragment. */
    static Problem assertError(LoadResult r, Path file, int line, String... fragments) {
        return assertProblem(r, true, file, line, fragments);
    }

    static Problem assertWarning(LoadResult r, Path file, int line, String... fragments) {
        return assertProblem(r, false, file, line, fragments);
    }

    private static Problem assertProblem(LoadResult r, boolean error, Path file, int line, String... fragments) {
        for (Problem p : r.problems()) {
            if (p.isError() == error && file.equals(p.file()) && p.line() == line
                    && List.of(fragments).stream().allMatch(p.message()::contains)) {
                return p;
            }
        }
        fail("no " + (error ? "error" : "warning") + " at " + file + ":" + line + " containing " + List.of(fragments)
                + "; problems were:\n" + dump(r));
        return null;
    }

    static String dump(LoadResult r) {
        return r.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    static void assertNoProblems(LoadResult r) {
        assertTrue(r.problems().isEmpty(), () -> "unexpected problems:\n" + dump(r));
    }

    static void assertNoErrors(LoadResult r) {
        assertEquals(List.of(), r.errors(), () -> dump(r));
    }
}
