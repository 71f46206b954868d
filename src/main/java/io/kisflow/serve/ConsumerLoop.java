package io.kisflow.serve;

import io.kisflow.engine.FlowException;
import io.kisflow.engine.KisFlowRun;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One thread of a served flow: its own KafkaConsumer and its own fork of the flow. Each poll's
 * records of one partition are one batch and one run; the batch's offsets are committed
 * synchronously after its run ends (at-least-once). A failed batch goes to the dead letter and is
 * committed, or, with no dead letter, its partition is paused at the batch's first offset and
 * reported: nothing is skipped silently. {@link #stop()} (any thread) ends the poll at once; a batch
 * in flight finishes and is committed first.
 */
final class ConsumerLoop implements Runnable {
    private final KafkaConsumer<String, String> consumer;
    private final KisFlowRun flow;
    private final ServeSettings settings;
    private final DeadLetter deadLetter;
    private final PrintStream log;
    private final Set<TopicPartition> paused = new HashSet<>();
    private volatile boolean stopping;

    ConsumerLoop(KafkaConsumer<String, String> consumer, KisFlowRun flow, ServeSettings settings, DeadLetter deadLetter, PrintStream log) {
        this.consumer = consumer;
        this.flow = flow;
        this.settings = settings;
        this.deadLetter = deadLetter;
        this.log = log;
    }

    /** Asks the loop to end: the poll is woken, the batch in flight finishes and is committed. */
    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    /** The partitions this thread paused after a failure with no dead letter. */
    synchronized Set<TopicPartition> paused() {
        return Set.copyOf(paused);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // batches are committed as they end, on this thread: nothing done is left uncommitted here
                    synchronized (ConsumerLoop.this) {
                        paused.removeAll(partitions);
                    }
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    log.println("serve: flow=" + settings.flow() + " assigned=" + partitions);
                }
            });
            while (!stopping) {
                ConsumerRecords<String, String> records;
                try {
                    records = consumer.poll(settings.batchWait());
                } catch (WakeupException e) {
                    break;
                }
                for (TopicPartition tp : records.partitions()) {
                    batch(tp, records.records(tp));
                }
            }
        } catch (RuntimeException e) {
            // a consumer the client gave up on, or the engine refusing the run (closed, reloaded): what is
            // not committed is read again by the consumer that gets the partitions next
            log.println("serve: flow=" + settings.flow() + " thread " + Thread.currentThread().getName() + " ended: " + e);
        } finally {
            consumer.close();
        }
    }

    /** One run over one partition's records of a poll. */
    private void batch(TopicPartition tp, List<ConsumerRecord<String, String>> records) {
        long start = System.nanoTime();
        long first = records.get(0).offset();
        long last = records.get(records.size() - 1).offset();
        List<Object> rows = new ArrayList<>(records.size());
        List<Map<String, Object>> meta = new ArrayList<>(records.size());
        List<ConsumerRecord<String, String>> undecodable = new ArrayList<>();
        String decodeError = null;
        for (ConsumerRecord<String, String> r : records) {
            try {
                rows.add(RecordRows.row(r.value(), settings.json()));
                meta.add(RecordRows.meta(r));
            } catch (RecordRows.Undecodable e) {
                undecodable.add(r);
                decodeError = e.getMessage();
                log.println("serve: flow=" + settings.flow() + " partition=" + tp + " offset=" + r.offset() + " undecodable: " + e.getMessage()
                        + (deadLetter == null ? "; left out of the run (no --dead-letter)" : "; sent to " + deadLetter.topic()));
            }
        }
        String what = "flow=" + settings.flow() + " partition=" + tp + " offsets=" + first + ".." + last + " rows=" + rows.size();
        if (!undecodable.isEmpty() && !toDeadLetter(tp, undecodable, decodeError, null, first)) {
            return;
        }
        FlowException failure = null;
        if (!rows.isEmpty()) {
            flow.setMetaData(RecordRows.META_TOPIC, tp.topic());
            flow.setMetaData(RecordRows.META_PARTITION, tp.partition());
            flow.setMetaData(RecordRows.META_RECORDS, List.copyOf(meta));
            flow.commitRowBatch(rows);
            try {
                flow.run();
            } catch (FlowException e) {
                failure = e;
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (failure != null) {
            log.println("serve: " + what + " ms=" + ms + " failed in function " + failure.getFunctionName() + ": " + failure.getMessage());
            List<ConsumerRecord<String, String>> decoded = new ArrayList<>(records);
            decoded.removeAll(undecodable);
            if (!toDeadLetter(tp, decoded, failure.getMessage(), failure.getFunctionName(), first)) {
                return;
            }
        } else {
            log.println("serve: " + what + " ms=" + ms + " ok");
        }
        commit(tp, last + 1);
    }

    /**
     * Sends failed records to the dead letter; true when they are there (the batch may be committed).
     * With no dead letter (or when it cannot be written), pauses the partition at the batch's first
     * offset and says so: the records stay uncommitted for a restart or another consumer.
     */
    private boolean toDeadLetter(TopicPartition tp, List<ConsumerRecord<String, String>> failed, String error, String function, long first) {
        String reason = "no --dead-letter topic";
        if (deadLetter != null) {
            try {
                deadLetter.send(failed, error, settings.flow(), function);
                return true;
            } catch (Exception e) {
                reason = "dead letter " + deadLetter.topic() + " could not be written: " + e.getMessage();
            }
        }
        consumer.pause(List.of(tp));
        consumer.seek(tp, first);
        synchronized (this) {
            paused.add(tp);
        }
        log.println("serve: flow=" + settings.flow() + " partition=" + tp + " PAUSED at offset " + first + " (" + reason
                + "); nothing from it is committed past the failure; fix and restart the service to retry");
        return false;
    }

    /** Commits synchronously; a stop() arriving during the commit does not lose it. */
    private void commit(TopicPartition tp, long next) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(Map.of(tp, new OffsetAndMetadata(next)));
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            consumer.commitSync(offsets); // the wakeup was the stop request; the loop ends after this batch
        } catch (org.apache.kafka.clients.consumer.CommitFailedException e) {
            // the partition moved to another consumer meanwhile: it reads the batch again (at-least-once)
            log.println("serve: flow=" + settings.flow() + " partition=" + tp + " commit of offset " + next
                    + " refused after a rebalance; the new owner processes the batch again: " + e.getMessage());
        }
    }
}
