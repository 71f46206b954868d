package io.kisflow.designer.serve;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * <p>First a plain TCP connection to each address of the list, because the Kafka client retries a
 * refused connection quietly until its timeout and then reports only that time ran out: the socket
 * says at once whether the connection was refused (nothing listens there: start the broker), the
 * name is unknown (correct the address) or nothing answered (a host down, a firewall). Only when
 * something listens does the Kafka client ask for the cluster and the topic.
 *
 * <pre>{@code String problem = BrokerCheck.problem("127.0.0.1:9092", "orders", Duration.ofSeconds(5)); // null when fine}</pre>
 */
public final class BrokerCheck {
    /** The check's default patience: long enough for a broker across a network, short enough to wait for. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private BrokerCheck() {
    }

    /** Why one address could not be connected to, and what the user can do about that kind of failure. */
    private record Unreachable(String why, String advice) {
    }

    /** What keeps the service from consuming {@code topic} at {@code bootstrap}, in words; null when nothing does. */
    public static String problem(String bootstrap, String topic, Duration timeout) throws InterruptedException {
        List<String> addresses = new ArrayList<>();
        for (String a : bootstrap.split(",")) {
            if (!a.isBlank()) {
                addresses.add(a.trim());
            }
        }
        if (addresses.isEmpty()) {
            return "Broker is empty: write HOST:PORT, e.g. 127.0.0.1:9092.";
        }
        List<Unreachable> unreachable = new ArrayList<>();
        for (String address : addresses) {
            String host = Utils.getHost(address);
            Integer port = Utils.getPort(address);
            if (host == null || port == null || port > 65535) {
                return "'" + address + "' is not a broker address. Write HOST:PORT, e.g. 127.0.0.1:9092.";
            }
            Unreachable u = connect(host, port, timeout);
            if (u == null) {
                return kafkaProblem(bootstrap, topic, timeout);
            }
            unreachable.add(u);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        if (unreachable.size() == 1) {
            Unreachable u = unreachable.get(0);
            return Character.toUpperCase(u.why().charAt(0)) + u.why().substring(1) + ". " + u.advice();
        }
        return "No broker of " + bootstrap + " can be reached: " + String.join("; ", unreachable.stream().map(Unreachable::why).toList())
                + ". " + unreachable.get(0).advice();
    }

    /** Null when a TCP connection to one of the host's addresses succeeds, else why none did. */
    private static Unreachable connect(String host, int port, Duration timeout) {
        String at = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        InetAddress[] ips;
        try {
            ips = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new Unreachable("the host '" + host + "' of " + at + " is unknown (the name does not resolve)",
                    "Correct Broker (HOST:PORT), or add the name to DNS or /etc/hosts.");
        }
        Unreachable first = null;
        // as the Kafka client does (client.dns.lookup=use_all_dns_ips): localhost may be ::1 and 127.0.0.1
        for (InetAddress ip : ips) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(ip, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
                return null;
            } catch (ConnectException e) {
                if (first == null) {
                    first = new Unreachable("the connection to " + at + " was refused: no broker listens there", "Start the broker, or correct Broker.");
                }
            } catch (NoRouteToHostException e) {
                if (first == null) {
                    first = new Unreachable("there is no route to " + at, "Check the address and the network, or correct Broker.");
                }
            } catch (SocketTimeoutException e) {
                if (first == null) {
                    first = new Unreachable("no answer from " + at + " within " + seconds(timeout)
                            + " (the host is down, or a firewall drops the connection)", "Check the address and the network, or correct Broker.");
                }
            } catch (IOException e) {
                if (first == null) {
                    first = new Unreachable("cannot connect to " + at + " (" + e.getMessage() + ")", "Check the address and the network, or correct Broker.");
                }
            }
        }
        return first;
    }

    /** Something listens: does it answer as a Kafka broker, and has it the topic? */
    private static String kafkaProblem(String bootstrap, String topic, Duration timeout) throws InterruptedException {
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        Admin admin;
        try {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms,
                    // one quick try per address: the check is about now, not about waiting for the broker
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
        } catch (org.apache.kafka.common.KafkaException | IllegalArgumentException e) {
            // an address the Kafka client refuses while it is made
            return "'" + bootstrap + "' is not a broker address: " + rootMessage(e) + ". Write HOST:PORT, e.g. 127.0.0.1:9092.";
        }
        try {
            admin.describeCluster().nodes().get(ms, TimeUnit.MILLISECONDS);
            Set<String> topics = admin.listTopics().names().get(ms, TimeUnit.MILLISECONDS);
            if (!topics.contains(topic)) {
                return "The broker at " + bootstrap + " has no topic '" + topic + "'. Create it (kafka-topics.sh --create --topic " + topic
                        + " --partitions 6 --bootstrap-server " + bootstrap + "), or correct Topic.";
            }
            return null;
        } catch (TimeoutException e) {
            return silent(bootstrap, timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                return silent(bootstrap, timeout);
            }
            return "The broker at " + bootstrap + " answered with an error: " + rootMessage(e) + ". Check the broker's log and settings, or correct Broker.";
        } finally {
            // no waiting for calls still out: close() without a bound waited forever for a request to a
            // peer that never answers (the check then hung in "Checking the broker")
            admin.close(Duration.ZERO);
        }
    }

    private static String silent(String bootstrap, Duration timeout) {
        return "Something listens at " + bootstrap + ", but no Kafka answer came within " + seconds(timeout)
                + ": is it a Kafka broker's client port? If it is, the address it advertises (advertised.listeners) may not be"
                + " reachable from here. Correct Broker, or check the broker's settings.";
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
