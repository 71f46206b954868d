package io.kisflow.designer.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The broker check tells apart what the Kafka client reports only as "time ran out": a refused
 * connection, a name that does not resolve, a host that does not answer, and something listening
 * that is no Kafka broker. Real sockets on loopback, no broker and no mock. Each check under a 30 s
 * guard: the Admin client's unbounded close once hung the silent-listener case in the full suite.
 */
@Timeout(30)
class BrokerCheckTest {
    /** Far above what the refused and unknown cases take: they must be said from the socket's answer, not after a timeout. */
    private static final Duration PATIENT = Duration.ofSeconds(60);

    @Test
    void aClosedPortIsARefusedConnectionAtThatAddress() throws Exception {
        int port = closedPort();
        assertEquals("The connection to 127.0.0.1:" + port + " was refused: no broker listens there. Start the broker, or correct Broker.",
                BrokerCheck.problem("127.0.0.1:" + port, "orders", PATIENT));
    }

    @Test
    void aNameThatDoesNotResolveIsAnUnknownHost() throws Exception {
        // .invalid never resolves (RFC 2606)
        assertEquals("The host 'kafka.invalid' of kafka.invalid:9092 is unknown (the name does not resolve)."
                        + " Correct Broker (HOST:PORT), or add the name to DNS or /etc/hosts.",
                BrokerCheck.problem("kafka.invalid:9092", "orders", PATIENT));
    }

    @Test
    void everyAddressOfTheListIsNamedWhenNoneCanBeReached() throws Exception {
        int port = closedPort();
        assertEquals("No broker of kafka.invalid:9092, 127.0.0.1:" + port + " can be reached: the host 'kafka.invalid' of kafka.invalid:9092 is"
                        + " unknown (the name does not resolve); the connection to 127.0.0.1:" + port + " was refused: no broker listens there."
                        + " Correct Broker (HOST:PORT), or add the name to DNS or /etc/hosts.",
                BrokerCheck.problem("kafka.invalid:9092, 127.0.0.1:" + port, "orders", PATIENT));
    }

    @Test
    void anAddressWithoutAPortIsNoBrokerAddress() throws Exception {
        assertEquals("'localhost' is not a broker address. Write HOST:PORT, e.g. 127.0.0.1:9092.",
                BrokerCheck.problem("localhost", "orders", PATIENT));
        assertEquals("Broker is empty: write HOST:PORT, e.g. 127.0.0.1:9092.", BrokerCheck.problem(" , ", "orders", PATIENT));
    }

    @Test
    void aPortThatTakesNoConnectionInTimeIsATimeout() throws Exception {
        // a listening socket that never accepts: once its queue is full, the system drops further
        // connection requests unanswered, as a firewall or a host that is down does
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            try {
                boolean dropping = false;
                for (int i = 0; i < 20 && !dropping; i++) {
                    Socket s = new Socket();
                    held.add(s);
                    try {
                        s.connect(full.getLocalSocketAddress(), 300);
                    } catch (SocketTimeoutException e) {
                        dropping = true;
                    }
                }
                assumeTrue(dropping, "this system answers connections beyond a full queue; no timeout to test");
                assertEquals("No answer from 127.0.0.1:" + full.getLocalPort() + " within 1 s (the host is down, or a firewall drops the connection)."
                                + " Check the address and the network, or correct Broker.",
                        BrokerCheck.problem("127.0.0.1:" + full.getLocalPort(), "orders", Duration.ofSeconds(1)));
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void somethingListeningThatGivesNoKafkaAnswerIsSaidSo() throws Exception {
        // accepts (the system does, from the queue) and never answers a Kafka request
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String at = "127.0.0.1:" + silent.getLocalPort();
            assertEquals("Something listens at " + at + ", but no Kafka answer came within 2 s: is it a Kafka broker's client port? If it is,"
                            + " the address it advertises (advertised.listeners) may not be reachable from here. Correct Broker, or check the broker's settings.",
                    BrokerCheck.problem(at, "orders", Duration.ofSeconds(2)));
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort(); // closed when this returns: connecting to it is refused
        }
    }
}
