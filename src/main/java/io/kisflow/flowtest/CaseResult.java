package io.kisflow.flowtest;

import java.nio.file.Path;
import java.util.List;

/**
 * What running one case gave: passed, or the reasons it failed ({@code problems}: a wrong error,
 * wrong actions, a bad case file) and the levels whose rows differ ({@code diffs}).
 */
public record CaseResult(String name, Path file, long durationNanos, List<String> problems, List<LevelDiff> diffs) {
    public boolean passed() {
        return problems.isEmpty() && diffs.isEmpty();
    }

    public long millis() {
        return durationNanos / 1_000_000;
    }
}
