package io.kisflow.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file, each with its line and the object being read (once known). */
final class FileProblems {
    private final Path file;
    private final List<Problem> problems = new ArrayList<>(2);
    private String subject;

    FileProblems(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The flow, function or connector the following problems are about. */
    void subject(String name) {
        this.subject = name;
    }

    void error(int line, String message) {
        problems.add(Problem.error(file, line, subject, message));
    }

    void warning(int line, String message) {
        problems.add(Problem.warning(file, line, subject, message));
    }

    void error(Node at, String message) {
        error(line(at), message);
    }

    void warning(Node at, String message) {
        warning(line(at), message);
    }

    List<Problem> list() {
        return problems;
    }

    boolean hasErrors() {
        for (Problem p : problems) {
            if (p.isError()) {
                return true;
            }
        }
        return false;
    }

    /** 1-based line where a node starts. */
    static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
