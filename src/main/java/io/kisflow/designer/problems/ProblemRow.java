package io.kisflow.designer.problems;

import io.kisflow.config.ObjectRef;
import io.kisflow.config.Problem;

/**
 * A line of the problems panel: the problem, the object it is about (null when only a file is
 * known, for a file that could not be read), where to show it, and whether it comes from reading
 * the files (it then stays until the file is fixed and reopened) or from the live check.
 */
public record ProblemRow(Problem problem, ObjectRef object, String where, boolean fromFile) {
    public boolean isError() {
        return problem.isError();
    }

    public String message() {
        return problem.message();
    }
}
