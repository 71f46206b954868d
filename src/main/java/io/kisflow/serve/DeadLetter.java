package io.kisflow.serve;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The dead-letter topic: records of a batch that failed, each as it came (key, value, headers) plus
 * headers saying why: {@value #ERROR}, {@value #FLOW}, {@value #FUNCTION}, {@value #SOURCE}. Sends are
 * acknowledged (acks=all) before the caller commits, so a record is never both uncommitted-lost and
 * absent from the dead letter. One producer, shared by every thread (KafkaProducer is thread-safe).
 */
final class DeadLetter implements AutoCloseable {
    static final String ERROR = "kisflow.error";
    static final String FLOW = "kisflow.flow";
    static final String FUNCTION = "kisflow.function";
    /** Where the record came from: topic-partition@offset. */
    static final String SOURCE = "kisflow.source";

    private final String topic;
    private final KafkaProducer<String, String> producer;

    DeadLetter(ServeSettings settings) {
        this.topic = settings.deadLetter();
        Map<String, Object> p = new HashMap<>();
        // the deployment's client properties that a producer knows (security, timeouts); consumer-only ones are not its business
        settings.properties().forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                p.put(k, v);
            }
        });
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    String topic() {
        return topic;
    }

    /** Sends the records and waits for the broker's acknowledgement of each. */
    void send(List<ConsumerRecord<String, String>> records, String error, String flow, String function)
            throws ExecutionException, InterruptedException {
        List<Future<?>> sent = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> r : records) {
            ProducerRecord<String, String> out = new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers());
            out.headers().add(ERROR, bytes(error));
            out.headers().add(FLOW, bytes(flow));
            out.headers().add(FUNCTION, bytes(function == null ? "" : function));
            out.headers().add(SOURCE, bytes(r.topic() + "-" + r.partition() + "@" + r.offset()));
            sent.add(producer.send(out));
        }
        for (Future<?> f : sent) {
            f.get();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
