package io.kisflow.designer.serve;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the broker the user named whether it is there and has the topic, before a local serve
 * starts: a wrong address or a broker that is down is said in one sentence at once, where the
 * service itself would keep retrying quietly. Blocks up to the timeout; call it off the UI thread.
 *
 * <pre>{@code String problem = BrokerCheck.problem("127.0.0.1:9092", "orders", Duration.ofSeconds(5)); // null when fine}</pre>
 */
public final class BrokerCheck {
    private BrokerCheck() {
    }

    /** What keeps the service from consuming {@code topic} at {@code bootstrap}, in words; null when nothing does. */
    public static String problem(String bootstrap, String topic, Duration timeout) throws InterruptedException {
        int ms = (int) timeout.toMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms,
                // one quick try per address: the check is about now, not about waiting for the broker
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000))) {
            admin.describeCluster().nodes().get(ms, TimeUnit.MILLISECONDS);
            Set<String> topics = admin.listTopics().names().get(ms, TimeUnit.MILLISECONDS);
            if (!topics.contains(topic)) {
                return "The broker at " + bootstrap + " has no topic '" + topic + "'. Create it (kafka-topics.sh --create --topic " + topic
                        + " --partitions 6 --bootstrap-server " + bootstrap + "), or correct Topic.";
            }
            return null;
        } catch (TimeoutException | ExecutionException e) {
            return unreachable(bootstrap, e);
        } catch (org.apache.kafka.common.KafkaException | IllegalArgumentException e) {
            // a malformed address is refused while the client is made
            return "'" + bootstrap + "' is not a broker address: " + rootMessage(e) + ". Write HOST:PORT, e.g. 127.0.0.1:9092.";
        }
    }

    private static String unreachable(String bootstrap, Exception e) {
        String why = e instanceof TimeoutException ? "no answer within the time" : rootMessage(e);
        return "Cannot reach a Kafka broker at " + bootstrap + " (" + why + "). Start the broker, or correct Broker.";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The check's default patience: long enough for a broker across a network, short enough to wait for. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
}
