package io.kisflow.connect;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.kisflow.engine.ConnectorClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Lettuce connection per connector, shared by every thread (Lettuce connections are thread-safe).
 * Save sends the rows as RPUSH commands of {@value #BATCH} values each, pipelined: all commands are
 * written before the first answer is awaited.
 */
final class RedisConnector implements ConnectorClient {
    static final int BATCH = 1000;
    private final ConnectorSettings settings;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisConnector(ConnectorSettings settings, RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.settings = settings;
        this.client = client;
        this.connection = connection;
    }

    static RedisConnector open(ConnectorSettings s) throws Exception {
        RedisURI uri = uri(s);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(s.connectTimeout()).build())
                // a server gone after the start fails the call at once instead of queueing it for a reconnect
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        // The connect timeout bounds only the TCP connect; the handshake (HELLO, AUTH, SELECT) then
        // waits as long as a call may. A port that takes the connection and never answers held the
        // run for the whole call timeout: the whole connect is bounded by the connect timeout here.
        io.lettuce.core.ConnectionFuture<StatefulRedisConnection<String, String>> connecting =
                client.connectAsync(io.lettuce.core.codec.StringCodec.UTF8, uri);
        try {
            return new RedisConnector(s, client, connecting.get(s.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException | InterruptedException | RuntimeException e) {
            connecting.cancel(true);
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof TimeoutException
                    ? new TimeoutException("the server took the connection but did not answer (is it a Redis server?)")
                    : e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw Failures.connect(s, cause);
        }
    }

    private static RedisURI uri(ConnectorSettings s) {
        String address = s.firstAddress();
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        int port = 6379;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(address.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(s.where() + ": addrs must be host:port, not '" + address + "'");
            }
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException(s.where() + ": addrs names no host; write host:port, e.g. 127.0.0.1:6379");
        }
        RedisURI.Builder b = RedisURI.Builder.redis(host.strip(), port).withTimeout(s.callTimeout());
        String db = s.param("database", s.param("db", null));
        if (db != null) {
            try {
                b.withDatabase(Integer.parseInt(db.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(s.where() + ": params.database must be a number (0-15), not '" + db + "'");
            }
        }
        String password = s.param("password", null);
        String user = s.param("user", null);
        if (password != null) {
            if (user != null) {
                b.withAuthentication(user, password);
            } else {
                b.withPassword((CharSequence) password);
            }
        }
        return b.build();
    }

    @Override
    public void save(List<?> rows) throws Exception {
        if (rows.isEmpty()) {
            return;
        }
        RedisAsyncCommands<String, String> async = connection.async();
        List<RedisFuture<Long>> sent = new ArrayList<>(rows.size() / BATCH + 1);
        try {
            for (int from = 0; from < rows.size(); from += BATCH) {
                int to = Math.min(rows.size(), from + BATCH);
                String[] values = new String[to - from];
                for (int i = from; i < to; i++) {
                    values[i - from] = Rows.text(rows.get(i));
                }
                sent.add(async.rpush(settings.key(), values));
            }
            await(sent, "RPUSH " + settings.key());
        } catch (RuntimeException e) {
            throw Failures.call(settings, "RPUSH " + settings.key(), e);
        }
    }

    private void await(List<RedisFuture<Long>> sent, String doing) throws Exception {
        long deadline = System.nanoTime() + settings.callTimeout().toNanos();
        for (RedisFuture<Long> f : sent) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw Failures.call(settings, doing, e.getCause());
            } catch (TimeoutException e) {
                throw new Exception(settings.where() + ": " + doing + " got no answer within " + settings.callTimeout().toSeconds()
                        + " s (params.call_timeout)", e);
            }
        }
    }

    @Override
    public List<Object> load() throws Exception {
        List<String> values;
        try {
            values = connection.sync().lrange(settings.key(), 0, -1);
        } catch (RuntimeException e) {
            throw Failures.call(settings, "LRANGE " + settings.key() + " 0 -1", e);
        }
        List<Object> rows = new ArrayList<>(values.size());
        for (String v : values) {
            rows.add(Rows.value(v));
        }
        return rows;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        Object[] candidates = {connection.sync(), connection.async(), connection.reactive(), connection, client};
        for (Object c : candidates) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    @Override
    public List<Class<?>> unwrapsTo() {
        return List.of(RedisCommands.class, RedisAsyncCommands.class, RedisReactiveCommands.class, StatefulRedisConnection.class, RedisClient.class);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
