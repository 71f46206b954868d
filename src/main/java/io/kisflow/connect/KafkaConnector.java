package io.kisflow.connect;

import io.kisflow.engine.ConnectorClient;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Kafka producer per connector, shared by every thread (producers are thread-safe). A consumer
 * is not, so each Load makes its own, reads with manually assigned partitions (no consumer group,
 * no commits) and closes it.
 */
final class KafkaConnector implements ConnectorClient {
    private final ConnectorSettings settings;
    private final String topic;
    /** Made on the first Save (or client(Producer.class)): a Load-only connector never produces, nor creates its topic. */
    private volatile KafkaProducer<String, String> producer;

    private KafkaConnector(ConnectorSettings settings) {
        this.settings = settings;
        this.topic = settings.key().strip();
    }

    static KafkaConnector open(ConnectorSettings s) throws Exception {
        if (s.addrs().isBlank()) {
            throw new IllegalArgumentException(s.where() + ": addrs is empty; write the bootstrap servers, host:port[,host:port]");
        }
        if (s.key().isBlank()) {
            throw new IllegalArgumentException(s.where() + ": key is empty; set it to the topic");
        }
        // reach the cluster now: an unreachable broker fails here, within the connect timeout
        Properties p = common(s);
        p.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, p.get(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG));
        passThrough(s, p);
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().nodes().get(s.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new Exception(s.where() + ": cannot reach a broker within " + Failures.seconds(s) + ": "
                    + (e instanceof TimeoutException ? "no answer" : Failures.reason(cause))
                    + "; check that the broker runs and that addrs is right", cause);
        }
        return new KafkaConnector(s);
    }

    private KafkaProducer<String, String> producer() throws Exception {
        KafkaProducer<String, String> k = producer;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            if (producer == null) {
                Properties p = common(settings);
                p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                p.put(ProducerConfig.ACKS_CONFIG, "all");
                p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
                p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
                // waiting for metadata (a broker gone, a topic missing and not created) ends within the connect timeout
                p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(settings.connectTimeout().toMillis()));
                long call = settings.callTimeout().toMillis();
                p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(call));
                p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(call + 5));
                passThrough(settings, p);
                try {
                    producer = new KafkaProducer<>(p);
                } catch (RuntimeException e) {
                    throw Failures.connect(settings, e);
                }
            }
            return producer;
        }
    }

    private static Properties common(ConnectorSettings s) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, s.addrs());
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "kisflow-" + s.name());
        p.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(s.connectTimeout().toMillis(), 1000)));
        p.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, String.valueOf(s.connectTimeout().toMillis()));
        p.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, String.valueOf(s.connectTimeout().toMillis()));
        return p;
    }

    /** Params named like Kafka settings (with a dot) are the user's word on the clients. */
    private static void passThrough(ConnectorSettings s, Properties p) {
        for (Map.Entry<String, String> e : s.params().entrySet()) {
            if (e.getKey().contains(".")) {
                p.put(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public void save(List<?> rows) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        KafkaProducer<String, String> producer = producer();
        try {
            for (Object row : rows) {
                sent.add(producer.send(new ProducerRecord<>(topic, Rows.text(row))));
            }
            producer.flush();
        } catch (RuntimeException e) {
            throw Failures.call(settings, "producing to " + topic, e);
        }
        long deadline = System.nanoTime() + settings.callTimeout().toNanos();
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw Failures.call(settings, "producing to " + topic, e.getCause());
            } catch (TimeoutException e) {
                throw new Exception(settings.where() + ": producing to " + topic + " got no answer within "
                        + settings.callTimeout().toSeconds() + " s (params.call_timeout)", e);
            }
        }
    }

    @Override
    public List<Object> load() throws Exception {
        List<Object> rows = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, settings.connectTimeout());
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException(settings.where() + ": topic " + topic + " does not exist; save to it first or fix key");
            }
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo i : infos) {
                parts.add(new TopicPartition(topic, i.partition()));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, settings.callTimeout());
            long deadline = System.nanoTime() + settings.callTimeout().toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new Exception(settings.where() + ": reading " + topic + " did not reach its end within "
                            + settings.callTimeout().toSeconds() + " s (params.call_timeout)");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L)) {
                        rows.add(Rows.value(r.value()));
                    }
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith(settings.where())) {
                throw e;
            }
            throw Failures.call(settings, "reading " + topic, e);
        }
        return rows;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** What a consumer of this connector needs: no group, nothing committed, strings in. */
    Properties consumerProperties() {
        Properties p = common(settings);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(settings.callTimeout().toMillis()));
        passThrough(settings, p);
        return p;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isAssignableFrom(KafkaProducer.class)) {
            try {
                return type.cast(producer());
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        if (type == Properties.class) {
            return type.cast(consumerProperties());
        }
        return null;
    }

    @Override
    public List<Class<?>> unwrapsTo() {
        return List.of(Producer.class, KafkaProducer.class, Properties.class);
    }

    @Override
    public void close() {
        KafkaProducer<String, String> k = producer;
        if (k != null) {
            k.close(Duration.ofSeconds(5));
        }
    }
}
