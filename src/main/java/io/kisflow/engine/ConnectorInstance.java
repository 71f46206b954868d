package io.kisflow.engine;

import io.kisflow.config.ConnConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connector of an engine, shared by every flow and fork that binds it. Its init code runs once,
 * lazily, before the first function that binds it is called (a failed init is tried again on the
 * next use), unless the run's {@link ConnectorGate} opens no connector (a dry run). Every call passes
 * through the run's gate. A connector of a built-in type ({@link ConnectorType}) opens its client at
 * init when no plugin registered code for it, or else on the first call that needs it; plugin code
 * always wins. Closing it closes the built-in client and the metadata values that are AutoCloseable
 * (clients opened by init).
 */
final class ConnectorInstance implements Connector {
    private final ConnConfig config;
    private final ConnInit init;
    private final CodeRegistry code;
    /** The built-in type of this connector, or null when its type has none. */
    private final ConnectorType builtIn;
    private final ConcurrentHashMap<String, Object> metaData = new ConcurrentHashMap<>();
    private volatile boolean initialised;
    private volatile ConnectorClient client;
    private boolean closed;

    ConnectorInstance(ConnConfig config, CodeRegistry code) {
        this.config = config;
        this.code = code;
        this.init = code.connInit(config.cname());
        this.builtIn = ConnectorTypes.of(config);
    }

    /** The built-in type, or null. */
    ConnectorType builtInType() {
        return builtIn;
    }

    /** Whether a plugin registered init code for this connector. */
    boolean hasInitCode() {
        return init != null;
    }

    /** Whether plugins registered init or call code for this connector. */
    boolean hasPluginCode() {
        return init != null || code.connectorNames().contains(config.cname());
    }

    @Override
    public String getName() {
        return config.cname();
    }

    @Override
    public ConnConfig getConfig() {
        return config;
    }

    /** The code for a function of this mode and name, or null; resolved once per function instance. */
    CaaS codeFor(Mode mode, String funcName) {
        return code.connCall(config.cname(), mode, funcName);
    }

    void ensureInitialised() throws Exception {
        if (initialised) {
            return;
        }
        synchronized (this) {
            if (initialised) {
                return;
            }
            if (closed) {
                throw new IllegalStateException("connector " + getName() + " is closed: its engine was closed or its plugins reloaded");
            }
            if (init != null) {
                init.init(this);
            } else if (builtIn != null && !hasPluginCode()) {
                openClient(); // connected before the first call: a wrong address fails here, within the connect timeout
            }
            initialised = true;
        }
    }

    boolean isInitialised() {
        return initialised;
    }

    @Override
    public Object call(Flow flow, Object args) throws Exception {
        Function f = flow.getThisFunction();
        if (f == null) {
            throw new IllegalStateException("connector " + getName() + " can only be called from inside a function");
        }
        CaaS c = f instanceof FunctionInstance fi && fi.connector() == this ? fi.connectorCode() : codeFor(f.getMode(), f.getName());
        ConnectorGate gate = ConnectorGate.of(flow);
        if (gate == ConnectorGate.PERFORM) {
            return perform(c, f, flow, args);
        }
        // Another gate (a dry run) decides; code missing matters only if it performs the call.
        return gate.call(new ConnectorCall(this, f, flow, "", args, () -> perform(c, f, flow, args)));
    }

    /** Plugin code for the function, else the built-in client of the type, else the error saying what to do. */
    private Object perform(CaaS c, Function f, Flow flow, Object args) throws Exception {
        if (c != null) {
            return c.call(this, f, flow, args);
        }
        if (builtIn != null && (f.getMode() == Mode.SAVE || f.getMode() == Mode.LOAD)) {
            return callBuiltIn(f.getMode(), args);
        }
        throw new IllegalStateException(missingCodeMessage(config, f.getMode(), f.getName()));
    }

    /** Save stores {@code args} (a list of rows, or one row) and returns it; Load returns the stored rows. */
    private Object callBuiltIn(Mode mode, Object args) throws Exception {
        ConnectorClient c = openClient();
        if (mode == Mode.LOAD) {
            return c.load();
        }
        if (args instanceof List<?> rows) {
            c.save(rows);
        } else if (args != null) {
            c.save(List.of(args));
        }
        return args;
    }

    static String missingCodeMessage(ConnConfig conn, Mode mode, String funcName) {
        String connName = conn.cname();
        String how = "register it with Pool.caas(\"" + connName + "\", \"" + funcName + "\", Mode." + mode.name() + ", ...)";
        if (mode == Mode.SAVE || mode == Mode.LOAD) {
            return "connector " + connName + " has no code for " + mode + " function " + funcName + ": its type "
                    + (conn.type().isEmpty() ? "is empty" : "'" + conn.type() + "' has no built-in client")
                    + " (built-in types: " + String.join(", ", ConnectorTypes.names()) + "); set its type to one of them, or " + how;
        }
        return "connector " + connName + " serves Save and Load functions only; " + mode + " function " + funcName
                + " cannot call it (or " + how + ")";
    }

    @Override
    public <T> T client(Class<T> type) {
        java.util.Objects.requireNonNull(type, "type");
        if (builtIn == null) {
            throw new IllegalStateException("connector " + getName() + " has type '" + config.type()
                    + "', which has no built-in client (built-in types: " + String.join(", ", ConnectorTypes.names()) + ")");
        }
        if (!initialised) {
            // a run opens its connectors before their functions run; a dry run opens none, and its code must not reach storage
            throw new IllegalStateException("connector " + getName() + " is not open: ask for its client from a function"
                    + " that binds it, during a run that opens connectors (a dry run opens none)");
        }
        ConnectorClient c;
        try {
            c = openClient();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        T t = c.unwrap(type);
        if (t == null) {
            List<String> names = new ArrayList<>();
            for (Class<?> k : c.unwrapsTo()) {
                names.add(k.getSimpleName());
            }
            throw new IllegalStateException("connector " + getName() + " (" + config.type() + ") has no client of class "
                    + type.getName() + "; ask for one of: " + String.join(", ", names));
        }
        return t;
    }

    /** The built-in client, opened on first use and shared; a failed open is tried again on the next use. */
    private ConnectorClient openClient() throws Exception {
        ConnectorClient c = client;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("connector " + getName() + " is closed: its engine was closed or its plugins reloaded");
            }
            if (client == null) {
                client = builtIn.open(config);
            }
            return client;
        }
    }

    @Override
    public Object getMetaData(String key) {
        return metaData.get(key);
    }

    @Override
    public void setMetaData(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            metaData.remove(key);
        } else {
            metaData.put(key, value);
        }
    }

    /** Closes AutoCloseable metadata values; returns one sentence per failure. */
    synchronized List<String> close() {
        closed = true;
        List<String> failures = new ArrayList<>();
        if (client != null) {
            try {
                client.close();
            } catch (Exception ex) {
                failures.add("connector " + getName() + ": closing its " + config.type() + " client failed: " + ex.getMessage());
            }
            client = null;
        }
        for (var e : metaData.entrySet()) {
            if (e.getValue() instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ex) {
                    failures.add("connector " + getName() + ": closing metadata '" + e.getKey() + "' failed: " + ex.getMessage());
                }
            }
        }
        return failures;
    }
}
