package io.kisflow.engine;

import io.kisflow.config.FuncConfig;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** One function of one flow instance: the shared plan step plus this instance's id and metadata. */
final class FunctionInstance implements Function {
    final FlowPlan.Step step;
    private final String id;
    private final ConcurrentHashMap<String, Object> metaData = new ConcurrentHashMap<>();

    FunctionInstance(FlowPlan.Step step, String id) {
        this.step = step;
        this.id = id;
    }

    @Override
    public String getName() {
        return step.name();
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Mode getMode() {
        return step.mode();
    }

    @Override
    public FuncConfig getConfig() {
        return step.config();
    }

    @Override
    public Connector getConnector() {
        return step.connector();
    }

    ConnectorInstance connector() {
        return step.connector();
    }

    CaaS connectorCode() {
        return step.connectorCode();
    }

    int position() {
        return step.position();
    }

    Map<String, String> params() {
        return step.params();
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

    @Override
    public String toString() {
        return step.name() + " (position " + step.position() + ")";
    }
}
