package io.kisflow.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kisflow.engine.ConnectorClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The JDK's HttpClient, shared by every thread; each Save or Load is one request to base URL + path. */
final class HttpConnector implements ConnectorClient {
    private final ConnectorSettings settings;
    private final HttpClient client;
    private final URI uri;

    private HttpConnector(ConnectorSettings settings, HttpClient client, URI uri) {
        this.settings = settings;
        this.client = client;
        this.uri = uri;
    }

    static HttpConnector open(ConnectorSettings s) {
        String base = s.firstAddress();
        if (base.isBlank()) {
            throw new IllegalArgumentException(s.where() + ": addrs is empty; write the base URL, e.g. http://127.0.0.1:8080");
        }
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            base = "http://" + base;
        }
        String path = s.key().strip();
        URI uri;
        try {
            uri = URI.create(stripSlash(base) + (path.isEmpty() || path.startsWith("/") ? path : "/" + path));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.where() + ": addrs and key do not make a URL: " + e.getMessage());
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(s.connectTimeout()).build();
        return new HttpConnector(s, client, uri);
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public void save(List<?> rows) throws Exception {
        List<Object> values = new ArrayList<>(rows.size());
        for (Object r : rows) {
            // a row that is JSON text goes as that JSON, as the other types store it
            values.add(r instanceof String s ? Rows.value(s) : r);
        }
        byte[] body;
        try {
            body = Rows.JSON.writeValueAsBytes(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(settings.where() + ": the rows cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        send(request().header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), "POST");
    }

    @Override
    public List<Object> load() throws Exception {
        String text = send(request().GET().build(), "GET");
        Object v = Rows.value(text);
        if (v instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        List<Object> one = new ArrayList<>(1);
        if (!text.isBlank()) {
            one.add(v);
        }
        return one;
    }

    private HttpRequest.Builder request() {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.callTimeout()).header("Accept", "application/json");
        String user = settings.param("user", null);
        if (user != null) {
            String token = user + ":" + settings.param("password", "");
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        for (Map.Entry<String, String> e : settings.params().entrySet()) {
            if (e.getKey().startsWith("header.")) {
                b.header(e.getKey().substring("header.".length()), e.getValue());
            }
        }
        return b;
    }

    private String send(HttpRequest request, String method) throws Exception {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.http.HttpConnectTimeoutException e) {
            throw Failures.connect(settings, e);
        } catch (HttpTimeoutException e) {
            throw new Exception(settings.where() + ": " + method + " " + uri + " got no answer within "
                    + settings.callTimeout().toSeconds() + " s (params.call_timeout)", e);
        } catch (java.net.ConnectException e) {
            throw Failures.connect(settings, e);
        } catch (IOException e) {
            throw Failures.call(settings, method + " " + uri, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new Exception(settings.where() + ": " + method + " " + uri + " was answered " + status
                    + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 197) + "..." : body)));
        }
        return response.body() == null ? "" : response.body();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(client)) {
            return type.cast(client);
        }
        return type == URI.class ? type.cast(uri) : null;
    }

    @Override
    public List<Class<?>> unwrapsTo() {
        return List.of(HttpClient.class, URI.class);
    }

    @Override
    public void close() {
        // the JDK 17 HttpClient has no close; its threads end when it is no longer reachable
    }
}
