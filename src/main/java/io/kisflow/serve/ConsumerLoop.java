package io.kisflow.serve;

import io.kisflow.engine.FlowException;
import io.kisflow.engine.KisFlowRun;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * One thread of a served flow: its own KafkaConsumer and its own fork of the flow. Each poll's
 * records of one partition are one batch and one run. The runs of a poll's batches happen on a
 * second thread (the loop's runner) while this one polls the next records: the consumer fetches
 * and decodes the next poll while the flow runs, one poll ahead and never more (the next runs
 * start only after the previous ones ended). Only this thread touches the consumer; the batch's offsets are committed
 * synchronously after its run ends (at-least-once), with those of the other batches finished since the
 * last commit: at once when a poll brings nothing, else at most every {@link ServeSettings#commitInterval()}, and always
 * before partitions are revoked and before the consumer closes. A run that fails because a server is down is
 * run again with backoff ({@link Retries}); a batch that still fails goes to the dead letter and is
 * committed, or, with no dead letter, its partition is paused at the batch's first offset and
 * reported: nothing is skipped silently. A consumer that fails (a broker gone longer than the
 * client's own retries) is closed and made again with backoff; it resumes from the committed
 * offsets. Whether the brokers answer is watched ({@link BrokerWatch}: said in the log, on {@code /ready} and in the
 * metrics); a commit waits at most {@link BrokerWatch#COMMIT_TIMEOUT} per attempt, so a stop while they are down ends in
 * seconds. {@link #stop()} (any thread) ends the poll at once; a batch in flight finishes and is
 * committed first, unless it is waiting to retry a down server, which is abandoned uncommitted.
 */
final class ConsumerLoop implements Runnable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<KafkaConsumer<String, String>> consumers;
    private final KisFlowRun flow;
    private final ServeSettings settings;
    private final DeadLetter deadLetter;
    private final ServeLog log;
    private final ServeMetrics metrics;
    private final BrokerWatch brokers;
    private final Set<TopicPartition> paused = new HashSet<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    /** Batches run but not yet committed (a commit refused during a rebalance): committed on revocation. */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    /** Seeks (and pauses) the runner asked for, made by this thread on the consumer, which is not the runner's to touch. */
    private final List<Hold> holds = new ArrayList<>();
    /** Lag gauges of the assigned partitions, looked up once (a label lookup per partition per poll showed in the profile). */
    private final Map<TopicPartition, GaugeDataPoint> lagGauges = new HashMap<>();
    private final CounterDataPoint okBatches;
    private final CounterDataPoint okRecords;
    private final DistributionDataPoint batchDuration;
    private final Object sleeper = new Object();
    /** The runs of the last poll's batches, on the runner; null when none is in flight. This thread only. */
    private Future<?> inFlight;
    /** What ended the runner's last task abnormally (the engine refusing a run): thrown on this thread. */
    private Throwable runFailure;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean stopping;
    /**
     * How long finished batches may wait for their commit while more records keep coming: a
     * synchronous commit is a round trip to the group coordinator, and one per batch held a busy
     * service to the commit rate (docs/PERFORMANCE.md, Serve). A crash runs them again (at-least-once),
     * so the duplicates after a crash are at most this much of the stream plus the batch in flight.
     * The interval is {@link ServeSettings#commitInterval()} (zero: after every poll's batches).
     */
    private long lastCommit = System.nanoTime();
    private volatile boolean joined;
    private volatile String gaveUp;

    ConsumerLoop(Supplier<KafkaConsumer<String, String>> consumers, KisFlowRun flow, ServeSettings settings, DeadLetter deadLetter,
                 ServeLog log, ServeMetrics metrics) {
        this.consumers = consumers;
        this.flow = flow;
        this.settings = settings;
        this.deadLetter = deadLetter;
        this.log = log;
        this.metrics = metrics;
        this.brokers = new BrokerWatch(settings, log, metrics);
        this.overlap = overlap(settings.threads());
        okBatches = metrics.batches.labelValues(settings.flow(), "ok");
        okRecords = metrics.records.labelValues(settings.flow(), "ok");
        batchDuration = metrics.batchDuration.labelValues(settings.flow());
    }

    /** A seek the runner needs: back to {@code offset} (the failed or abandoned batch's first), pausing the partition when {@code pause}. */
    private record Hold(TopicPartition tp, long offset, boolean pause) {
    }

    /** Asks the loop to end: the poll is woken, the batch in flight finishes and is committed. */
    void stop() {
        stopping = true;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    /** The partitions this thread paused after a failure with no dead letter. */
    synchronized Set<TopicPartition> paused() {
        return Set.copyOf(paused);
    }

    /** The partitions the group gave this thread. */
    synchronized Set<TopicPartition> assigned() {
        return Set.copyOf(assigned);
    }

    /** True once the consumer has joined the group (possibly with no partition) and is polling. */
    boolean joined() {
        return joined && !stopping && gaveUp == null;
    }

    /** Null while the brokers answer this thread; else for how long and why not. */
    String brokerProblem() {
        return brokers.problem();
    }

    /** Why the thread ended for good (a setting Kafka refuses), or null. */
    String gaveUp() {
        return gaveUp;
    }

    /**
     * Whether a poll's batches run on the runner while this thread polls the next records. It pays
     * when there is a core for each: one serve thread on 2 cores ran at 74-119% of the bare poll
     * loop with it. When the threads of every loop (polling and running) outnumber the cores, the
     * hand-over costs about what a pass-through run does and the two sides only take turns, so the
     * batches run here, between polls (docs/PERFORMANCE.md, "Serve"). {@code -Dkisflow.serve.overlap=true|false}
     * decides instead (benchmarks).
     */
    private final boolean overlap;

    static boolean overlap(int threads) {
        String forced = System.getProperty("kisflow.serve.overlap");
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        return 2 * threads <= Runtime.getRuntime().availableProcessors();
    }

    @Override
    public void run() {
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, Thread.currentThread().getName() + "-run"));
        try {
            serve(runner);
        } finally {
            runner.shutdown();
        }
    }

    private void serve(ExecutorService runner) {
        int failures = 0;
        while (!stopping) {
            KafkaConsumer<String, String> c;
            try {
                c = consumers.get();
            } catch (KafkaException e) {
                if (e instanceof ConfigException || e.getCause() instanceof ConfigException) {
                    gaveUp = e.getMessage();
                    log.error("consumer_failed", "flow", settings.flow(), "error", e.getMessage(), "action", "stopped (fix the Kafka settings)");
                    return;
                }
                failures++;
                sleepAfterFailure(failures, e);
                continue;
            }
            consumer = c;
            brokers.watch(c);
            try {
                if (!stopping) {
                    consume(c, runner);
                }
                failures = 0;
            } catch (WakeupException e) {
                // stop() during a poll or a commit
            } catch (RuntimeException e) {
                // a consumer the client gave up on (a broker gone for longer than its retries), or the engine
                // refusing the run: what is not committed is read again by the next consumer of the partition
                failures++;
                metrics.restarts.labelValues(settings.flow()).inc();
                log.error("consumer_failed", "flow", settings.flow(), "thread", Thread.currentThread().getName(), "error", String.valueOf(e));
            } finally {
                awaitRun(); // the batches in flight end before their offsets are committed and the consumer closes
                runFailure = null; // the consumer is made again in any case
                commitLeftovers(c, assigned());
                try {
                    c.close(CLOSE_TIMEOUT);
                } catch (RuntimeException e) {
                    log.warn("consumer_close_failed", "flow", settings.flow(), "error", String.valueOf(e));
                }
                consumer = null;
                joined = false;
                forget(assigned());
            }
            if (failures > 0) {
                sleepAfterFailure(failures, null);
            }
        }
        brokers.forget();
    }

    private void sleepAfterFailure(int failures, RuntimeException e) {
        Duration wait = Retries.consumer(failures);
        log.warn("consumer_restart", "flow", settings.flow(), "in_ms", wait.toMillis(), "error", e == null ? null : String.valueOf(e));
        sleep(wait);
    }

    /** Waits, or less when stop() is called; false when stopping. */
    private boolean sleep(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        synchronized (sleeper) {
            while (!stopping) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    sleeper.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private void consume(KafkaConsumer<String, String> c, ExecutorService runner) {
        c.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // called inside poll(), on this thread: the runs in flight end first; then what they finished,
                // and a batch run whose commit a rebalance refused, is committed while this consumer still owns the partition
                awaitRun();
                applyHolds(c);
                commitLeftovers(c, partitions);
                forget(partitions);
                if (!partitions.isEmpty()) {
                    log.info("revoked", "flow", settings.flow(), "partitions", partitions);
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                awaitRun();
                synchronized (ConsumerLoop.this) {
                    partitions.forEach(uncommitted::remove);
                }
                forget(partitions);
                log.warn("lost", "flow", settings.flow(), "partitions", partitions, "note", "the new owner runs their uncommitted batches again");
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                synchronized (ConsumerLoop.this) {
                    assigned.addAll(partitions);
                }
                joined = true;
                log.info("assigned", "flow", settings.flow(), "partitions", partitions, "thread", Thread.currentThread().getName());
            }
        });
        while (!stopping) {
            // while the runner runs the last poll's batches, the consumer fetches and decodes the next ones
            ConsumerRecords<String, String> records = c.poll(settings.batchWait());
            recordLag(c); // current while a long batch runs
            awaitRun();
            if (runFailure != null) {
                throwRunFailure(); // the records of this poll are not run: the next consumer reads them again
            }
            applyHolds(c);
            if (records.isEmpty() || System.nanoTime() - lastCommit >= settings.commitInterval().toNanos()) {
                // before the next runs start: with --commit-interval 0 a crash still repeats at most the poll in flight
                commitFinished(c);
            }
            if (!records.isEmpty() && !stopping) {
                if (overlap) {
                    inFlight = runner.submit(() -> runBatches(records));
                } else {
                    runBatches(records); // what ends it abnormally goes down the consumer-failed path at once
                }
            }
            brokers.afterPoll(c);
        }
    }

    /** On the runner: one run per partition of the poll. */
    private void runBatches(ConsumerRecords<String, String> records) {
        for (TopicPartition tp : records.partitions()) {
            if (stopping) {
                break; // the partitions of the last poll not yet started are left, uncommitted, for the next owner
            }
            boolean held;
            synchronized (this) {
                held = paused.contains(tp);
            }
            if (!held) { // records polled before an earlier batch of their partition failed are read again after the restart
                batch(tp, records.records(tp));
            }
        }
    }

    /** Waits for the runs in flight to end; what ended them abnormally is kept in {@link #runFailure}. */
    private void awaitRun() {
        Future<?> f = inFlight;
        if (f == null) {
            return;
        }
        inFlight = null;
        boolean interrupted = false;
        while (true) {
            try {
                f.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the batch in flight ends first in any case (its commit rule needs it)
            } catch (ExecutionException e) {
                if (runFailure == null) {
                    runFailure = e.getCause();
                }
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void throwRunFailure() {
        Throwable t = runFailure;
        runFailure = null;
        if (t instanceof Error e) {
            throw e;
        }
        throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    /** Makes the seeks and pauses the runner asked for (the runner is idle), on partitions still assigned. */
    private void applyHolds(KafkaConsumer<String, String> c) {
        List<Hold> asked;
        synchronized (this) {
            if (holds.isEmpty()) {
                return;
            }
            asked = List.copyOf(holds);
            holds.clear();
        }
        Set<TopicPartition> mine = c.assignment();
        for (Hold h : asked) {
            if (mine.contains(h.tp())) {
                if (h.pause()) {
                    c.pause(List.of(h.tp()));
                }
                c.seek(h.tp(), h.offset());
            }
        }
    }

    private void recordLag(KafkaConsumer<String, String> c) {
        for (TopicPartition tp : c.assignment()) {
            OptionalLong lag = c.currentLag(tp);
            if (lag.isPresent()) {
                lagGauges.computeIfAbsent(tp, p -> metrics.lag.labelValues(settings.flow(), p.topic(), String.valueOf(p.partition())))
                        .set(lag.getAsLong());
            }
        }
    }

    private void forget(Collection<TopicPartition> partitions) {
        synchronized (this) {
            assigned.removeAll(partitions);
            paused.removeAll(partitions);
        }
        for (TopicPartition tp : partitions) {
            lagGauges.remove(tp);
            metrics.lag.remove(settings.flow(), tp.topic(), String.valueOf(tp.partition()));
            metrics.paused.remove(settings.flow(), tp.topic(), String.valueOf(tp.partition()));
        }
    }

    /** One run over one partition's records of a poll, on the runner. */
    private void batch(TopicPartition tp, List<ConsumerRecord<String, String>> records) {
        long start = System.nanoTime();
        long first = records.get(0).offset();
        long last = records.get(records.size() - 1).offset();
        String offsets = first + ".." + last;
        List<Object> rows = new ArrayList<>(records.size());
        List<ConsumerRecord<String, String>> undecodable = List.of();
        String decodeError = null;
        for (ConsumerRecord<String, String> r : records) {
            try {
                rows.add(RecordRows.row(r.value(), settings.json()));
            } catch (RecordRows.Undecodable e) {
                if (undecodable.isEmpty()) {
                    undecodable = new ArrayList<>();
                }
                undecodable.add(r);
                decodeError = e.getMessage();
                log.warn("undecodable", "flow", settings.flow(), "topic", tp.topic(), "partition", tp.partition(), "offset", r.offset(),
                        "error", e.getMessage(), "action", deadLetter == null ? "pause" : "dead_letter " + deadLetter.topic());
            }
        }
        if (!undecodable.isEmpty() && !toDeadLetter(tp, undecodable, decodeError, null, first)) {
            count(tp, records.size(), "paused", start);
            return;
        }
        FlowException failure = null;
        List<ConsumerRecord<String, String>> kept = records;
        if (!undecodable.isEmpty()) {
            kept = new ArrayList<>(records);
            kept.removeAll(undecodable);
        }
        List<Map<String, Object>> meta = RecordRows.metaList(kept);
        for (int attempt = 0; !rows.isEmpty(); attempt++) {
            failure = run(tp, rows, meta);
            if (failure == null || attempt >= Retries.SINK_ATTEMPTS || !Retries.serverDown(failure)) {
                break;
            }
            Duration wait = Retries.sink(attempt + 1);
            log.warn("retry", "flow", settings.flow(), "topic", tp.topic(), "partition", tp.partition(), "offsets", offsets,
                    "attempt", (attempt + 1) + "/" + Retries.SINK_ATTEMPTS, "in_ms", wait.toMillis(), "function", failure.getFunctionName(),
                    "error", failure.getMessage());
            if (!sleep(wait)) {
                // stopping while a server is down: leave the batch uncommitted for the next owner, rather than hold the exit
                synchronized (this) {
                    holds.add(new Hold(tp, first, false));
                }
                log.warn("abandoned", "flow", settings.flow(), "topic", tp.topic(), "partition", tp.partition(), "offsets", offsets,
                        "note", "not committed; read again on restart");
                count(tp, records.size(), "abandoned", start);
                return;
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (failure != null) {
            log.error("batch", "flow", settings.flow(), "topic", tp.topic(), "partition", tp.partition(), "offsets", offsets, "rows", rows.size(),
                    "ms", ms, "outcome", "failed", "function", failure.getFunctionName(), "error", failure.getMessage());
            if (!toDeadLetter(tp, kept, failure.getMessage(), failure.getFunctionName(), first)) {
                count(tp, records.size(), "paused", start);
                return;
            }
            count(tp, records.size(), "dead_letter", start);
        } else {
            log.info("batch", "flow", settings.flow(), "topic", tp.topic(), "partition", tp.partition(), "offsets", offsets, "rows", rows.size(),
                    "ms", ms, "outcome", "ok");
            count(tp, records.size(), undecodable.isEmpty() ? "ok" : "ok_with_dead_letter", start);
        }
        synchronized (this) {
            uncommitted.put(tp, new OffsetAndMetadata(last + 1)); // committed by commitFinished, after this run in any case
        }
    }

    private FlowException run(TopicPartition tp, List<Object> rows, List<Map<String, Object>> meta) {
        flow.setMetaData(RecordRows.META_TOPIC, tp.topic());
        flow.setMetaData(RecordRows.META_PARTITION, tp.partition());
        flow.setMetaData(RecordRows.META_RECORDS, meta);
        flow.commitRowBatch(rows);
        try {
            flow.run();
            return null;
        } catch (FlowException e) {
            return e;
        }
    }

    private void count(TopicPartition tp, int n, String outcome, long start) {
        if (outcome.equals("ok") || outcome.equals("ok_with_dead_letter")) {
            okBatches.inc();
            okRecords.inc(n);
        } else {
            metrics.batches.labelValues(settings.flow(), outcome).inc();
            metrics.records.labelValues(settings.flow(), outcome).inc(n);
        }
        batchDuration.observe((System.nanoTime() - start) / 1e6);
    }

    /**
     * Sends failed records to the dead letter; true when they are there (the batch may be committed).
     * With no dead letter (or when it cannot be written), pauses the partition at the batch's first
     * offset (the runner marks it; the polling thread pauses and seeks the consumer before the next
     * runs) and says so: the records stay uncommitted for a restart or another consumer.
     */
    private boolean toDeadLetter(TopicPartition tp, List<ConsumerRecord<String, String>> failed, String error,
                                 String function, long first) {
        String reason = "no dead-letter topic";
        if (deadLetter != null) {
            try {
                deadLetter.send(failed, error, settings.flow(), function);
                log.warn("dead_letter", "flow", settings.flow(), "topic", tp.topic(), "partition", tp.partition(), "records", failed.size(),
                        "to", deadLetter.topic(), "function", function, "error", error);
                return true;
            } catch (Exception e) {
                reason = "dead letter " + deadLetter.topic() + " could not be written: " + e.getMessage();
            }
        }
        synchronized (this) {
            paused.add(tp);
            holds.add(new Hold(tp, first, true));
        }
        metrics.paused.labelValues(settings.flow(), tp.topic(), String.valueOf(tp.partition())).set(1);
        log.error("paused", "flow", settings.flow(), "topic", tp.topic(), "partition", tp.partition(), "offset", first, "reason", reason,
                "action", "nothing past the failure is committed; fix the cause and restart the service to retry");
        return false;
    }

    /**
     * Commits the finished batches synchronously; a stop() arriving during the commit does not lose it;
     * a refused commit is kept for the revocation.
     */
    private void commitFinished(KafkaConsumer<String, String> c) {
        lastCommit = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> offsets;
        synchronized (this) {
            offsets = Map.copyOf(uncommitted);
        }
        if (offsets.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                try {
                    c.commitSync(offsets, BrokerWatch.COMMIT_TIMEOUT);
                } catch (WakeupException e) {
                    c.commitSync(offsets, BrokerWatch.COMMIT_TIMEOUT); // the wakeup was the stop request; the loop ends after this batch
                }
                synchronized (this) {
                    offsets.forEach(uncommitted::remove); // an entry a later batch moved on stays for the next commit
                }
                brokers.committed();
                return;
            } catch (RebalanceInProgressException e) {
                // the group is rebalancing: the next poll runs the revocation, which commits these offsets if the partitions move
                log.warn("commit_deferred", "flow", settings.flow(), "offsets", offsets,
                        "reason", "rebalance in progress; committed at the revocation or the next commit");
                return;
            } catch (CommitFailedException e) {
                // the partitions already moved to another consumer: it reads the batches again (at-least-once)
                synchronized (this) {
                    offsets.forEach(uncommitted::remove);
                }
                log.warn("commit_refused", "flow", settings.flow(), "offsets", offsets,
                        "reason", "the partitions moved in a rebalance; their new owner runs the batches again", "error", e.getMessage());
                return;
            } catch (RetriableException e) {
                // a broker restarting: try again (the records of the batches are done; only the offsets are pending)
                brokers.commitFailed(e);
                Duration wait = Retries.sink(Math.min(attempt, 5));
                log.warn("commit_retry", "flow", settings.flow(), "offsets", offsets,
                        "in_ms", wait.toMillis(), "error", String.valueOf(e));
                if (!sleep(wait)) {
                    return;
                }
            }
        }
    }

    private void commitLeftovers(KafkaConsumer<String, String> c, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> left = new HashMap<>();
        synchronized (this) {
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata o = uncommitted.remove(tp);
                if (o != null) {
                    left.put(tp, o);
                }
            }
        }
        if (!left.isEmpty()) {
            try {
                try {
                    c.commitSync(left, BrokerWatch.COMMIT_TIMEOUT);
                } catch (WakeupException e) {
                    c.commitSync(left, BrokerWatch.COMMIT_TIMEOUT); // the wakeup was the stop request, which ends the loop after the batch in flight
                }
                log.info("committed_on_revocation", "flow", settings.flow(), "offsets", left);
            } catch (RuntimeException e) {
                log.warn("commit_refused", "flow", settings.flow(), "offsets", left, "error", String.valueOf(e),
                        "reason", "not committed: the partition's next reader (its new owner, or this service after a restart) runs these batches again");
            }
        }
    }
}
