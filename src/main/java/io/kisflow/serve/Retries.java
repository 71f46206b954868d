package io.kisflow.serve;

import java.io.IOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * When and how long the service waits before trying again. A batch whose run failed because a
 * server was unreachable (a sink that is down: an I/O error, a timeout, a refused connection
 * anywhere in the cause chain) is run again up to {@link #SINK_ATTEMPTS} more times, waiting
 * 0.5, 1, 2, 4, 8 s; a failure of the data (a function throwing on a row) is not retried here, only
 * as the function's own {@code retry_times} says. A consumer that failed is made again after 1, 2,
 * 4 ... 30 s.
 */
final class Retries {
    static final int SINK_ATTEMPTS = 5;
    private static final long SINK_FIRST_MS = 500;
    private static final long SINK_MAX_MS = 8_000;
    private static final long CONSUMER_FIRST_MS = 1_000;
    private static final long CONSUMER_MAX_MS = 30_000;

    private Retries() {
    }

    /** The wait before sink retry number {@code attempt} (1-based). */
    static Duration sink(int attempt) {
        return Duration.ofMillis(Math.min(SINK_MAX_MS, SINK_FIRST_MS << Math.min(20, attempt - 1)));
    }

    /** The wait before making a consumer again after {@code failures} failures in a row. */
    static Duration consumer(int failures) {
        return Duration.ofMillis(Math.min(CONSUMER_MAX_MS, CONSUMER_FIRST_MS << Math.min(20, failures - 1)));
    }

    /** True when the failure says a server could not be reached, not that the data is wrong. */
    static boolean serverDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            String name = t.getClass().getSimpleName();
            // client libraries' own kinds (RedisConnectionException, RedisCommandTimeoutException, KafkaTimeout...)
            if (name.contains("Connection") && name.endsWith("Exception") || name.contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
