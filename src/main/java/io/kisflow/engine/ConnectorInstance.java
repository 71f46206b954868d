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
 * through the run's gate. Closing it closes the metadata values that are AutoCloseable (clients
 * opened by init).
 */
final class ConnectorInstance implements Connector {
    private final ConnConfig config;
    private final ConnInit init;
    private final CodeRegistry code;
    private final ConcurrentHashMap<String, Object> metaData = new ConcurrentHashMap<>();
    private volatile boolean initialised;
    private boolean closed;

    ConnectorInstance(ConnConfig config, CodeRegistry code) {
        this.config = config;
        this.code = code;
        this.init = code.connInit(config.cname());
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

    private Object perform(CaaS c, Function f, Flow flow, Object args) throws Exception {
        if (c == null) {
            throw new IllegalStateException(missingCodeMessage(getName(), f.getMode(), f.getName()));
        }
        return c.call(this, f, flow, args);
    }

    static String missingCodeMessage(String connName, Mode mode, String funcName) {
        return "connector " + connName + " has no code for " + mode + " function " + funcName
                + ": register it with Pool.caas(\"" + connName + "\", \"" + funcName + "\", Mode." + mode.name() + ", ...)";
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
