package io.kisflow.samples;

import io.kisflow.engine.Action;
import io.kisflow.engine.Flow;
import io.kisflow.engine.Pool;

import java.time.Duration;
import java.util.Locale;

/**
 * The actions tour. Flow LogReport: TrimLines -> CountLines (DataReuse) -> KeepErrors
 * (ForceEntryNext) -> Summarize. Flow RetryPoll: Attempt -> CheckDone (JumpFunc back to Attempt
 * until max_attempts) -> GuardStop (Abort on a STOP row) -> Emit.
 */
final class ActionFunctions {
    private static final String ATTEMPTS = "attempts";
    private static final String LINE_COUNT = "line_count";

    private ActionFunctions() {
    }

    static void register(Pool pool) {
        pool.faas("TrimLines", flow -> {
            for (Object row : flow.input()) {
                String line = String.valueOf(row).trim();
                if (!line.isEmpty()) {
                    flow.commitRow(line);
                }
            }
        });
        // Counts the lines into the cache and passes them on unchanged: DataReuse makes this
        // function's level a copy of its input, so it needs to commit nothing.
        pool.faas("CountLines", flow -> {
            flow.setCacheData(LINE_COUNT, flow.input().size(), Duration.ZERO);
            flow.next(Action.DATA_REUSE);
        });
        // Keeps error lines; ForceEntryNext lets the summary run even when there are none.
        pool.faas("KeepErrors", flow -> {
            for (Object row : flow.input()) {
                if (String.valueOf(row).toUpperCase(Locale.ROOT).contains("ERROR")) {
                    flow.commitRow(row);
                }
            }
            flow.next(Action.FORCE_ENTRY_NEXT);
        });
        pool.faas("Summarize", flow -> {
            Object total = flow.getCacheData(LINE_COUNT);
            flow.commitRow(flow.input().size() + " of " + total + " lines are errors");
        });

        // Each pass of the loop counts one attempt in the flow's metadata, which lives across the
        // jump (levels are re-read, metadata is not reset).
        pool.faas("Attempt", flow -> {
            int attempt = attempts(flow) + 1;
            flow.setMetaData(ATTEMPTS, attempt);
            for (Object row : flow.input()) {
                flow.commitRow("attempt " + attempt + ": " + row);
            }
        });
        pool.faas("CheckDone", flow -> {
            int max = StudentScoreFunctions.intParam(flow.getFuncParamAll(), "max_attempts", 3);
            if (attempts(flow) < max) {
                flow.next(Action.jumpFunc("Attempt"));
                return;
            }
            flow.setMetaData(ATTEMPTS, 0);
            flow.commitRowBatch(flow.input());
        });
        pool.faas("GuardStop", flow -> {
            for (Object row : flow.input()) {
                if (String.valueOf(row).contains("STOP")) {
                    flow.next(Action.ABORT);
                }
                flow.commitRow(row);
            }
        });
        pool.faas("Emit", flow -> {
            for (Object row : flow.input()) {
                flow.commitRow("emitted " + row);
            }
        });
    }

    private static int attempts(Flow flow) {
        Object v = flow.getMetaData(ATTEMPTS);
        return v instanceof Integer i ? i : 0;
    }
}
