package io.kisflow.designer.tests;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FuncConfig;
import io.kisflow.designer.debug.CallRecord;
import io.kisflow.designer.debug.CodeSource;
import io.kisflow.designer.debug.RunOutcome;
import io.kisflow.designer.debug.RunRecord;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.flowtest.FlowTestCase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A finished designer run turned into a flow test case: its input rows, the rows it recorded for the
 * functions a case must not run for real (they become the case's pinned rows, so the case needs no
 * live server and no stand-in), and the rows of the levels the user chose to check.
 *
 * <p>Pinned in the case: functions pinned in the run; functions bound to a connector that are not
 * Save functions (a Load reads its rows from storage: what it committed in the run is what its
 * connector calls gave); functions the designer passed through because they have no code, or code
 * that does not compile (the command line has no stand-ins). Save functions run their code in the
 * case, dry: their connector calls are recorded, not performed.
 *
 * <pre>{@code FlowTestCase c = RecordedCase.of(run, configs, Set.of("AvgStuScore"), List.of(), true, "checked by eye");}</pre>
 */
public final class RecordedCase {
    private RecordedCase() {
    }

    /** A level of the run the case may check: its name (as the case names it), position (-1: source) and rows. */
    public record Level(String name, int position, List<Object> rows, boolean pinned) {
    }

    /** The levels of the run a case can check: the source, then each function that ran, in chain order. */
    public static List<Level> levels(RunRecord run, ConfigSet configs) {
        List<Level> out = new ArrayList<>();
        out.add(new Level(LevelData.SOURCE_NAME, -1, run.source() == null ? List.of() : run.source().rows(), false));
        Set<String> mocked = mocked(run, configs).keySet();
        Set<String> seen = new LinkedHashSet<>();
        for (int p = 0; p < run.chain().size(); p++) {
            String f = run.chain().get(p);
            if (run.ran(p) && seen.add(f)) {
                out.add(new Level(f, p, rowsAt(run, p), mocked.contains(f)));
            }
        }
        return out;
    }

    /**
     * The functions the case pins, with the rows each committed in the run (see the class comment);
     * a function that occurs twice in the chain keeps its first occurrence's rows.
     */
    public static Map<String, List<Object>> mocked(RunRecord run, ConfigSet configs) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (int p = 0; p < run.chain().size(); p++) {
            String f = run.chain().get(p);
            if (!run.ran(p) || out.containsKey(f)) {
                continue;
            }
            CodeSource source = run.codeSources().get(p);
            FuncConfig fc = configs.func(f);
            boolean readsStorage = fc != null && fc.hasConnector() && !"Save".equalsIgnoreCase(fc.fmode());
            boolean noCodeOutsideTheDesigner = source == CodeSource.PINNED || source == CodeSource.PASS_THROUGH || source == CodeSource.UNCOMPILED;
            if (readsStorage || noCodeOutsideTheDesigner) {
                out.put(f, rowsAt(run, p));
            }
        }
        return out;
    }

    /**
     * The case: the run's flow and input, the pinned rows, the rows of {@code checked} levels (by
     * name), the actions the checked functions asked for, and the run's error when it failed.
     *
     * @throws IllegalArgumentException when the run was stopped by the user: it ended nowhere a case can expect
     */
    public static FlowTestCase of(RunRecord run, ConfigSet configs, Set<String> checked, List<String> ignore, boolean ordered,
                                  String description) {
        if (run.outcome() == RunOutcome.STOPPED) {
            throw new IllegalArgumentException("run #" + run.number() + " was stopped before its end; run the flow to its end, then save the run as a test");
        }
        Map<String, List<Object>> expect = new LinkedHashMap<>();
        Map<String, List<String>> actions = new LinkedHashMap<>();
        for (Level l : levels(run, configs)) {
            if (!checked.contains(l.name())) {
                continue;
            }
            expect.put(l.name(), l.rows());
            List<String> asked = new ArrayList<>();
            for (CallRecord c : run.calls()) {
                if (c.function().equals(l.name())) {
                    asked.addAll(c.actions());
                }
            }
            if (!asked.isEmpty()) {
                actions.put(l.name(), asked);
            }
        }
        Map<String, List<Object>> pinned = mocked(run, configs);
        String error = run.outcome() == RunOutcome.FAILED && run.error() != null ? run.error().message() : null;
        List<Object> input = run.source() == null ? List.of() : run.source().rows();
        return new FlowTestCase(run.flowName(), description == null || description.isBlank() ? null : description.strip(),
                input.isEmpty() ? null : input, pinned.isEmpty() ? null : pinned, expect.isEmpty() ? null : expect,
                actions.isEmpty() ? null : actions, error, ignore.isEmpty() ? null : List.copyOf(ignore), ordered ? null : Boolean.FALSE);
    }

    /** The rows a position left at the end of the run; none when it left no level. */
    private static List<Object> rowsAt(RunRecord run, int position) {
        LevelData l = run.level(position);
        return l == null ? List.of() : l.rows();
    }
}
