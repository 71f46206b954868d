package io.kisflow.engine;

import io.kisflow.config.FuncConfig;

import java.util.Map;

/** One function of one flow instance: the shared plan step plus this instance's id and metadata. */
final class FunctionInstance implements Function {
    final FlowPlan.Step step;
    private final String id;
    private final MetaData metaData = new MetaData();

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
        metaData.set(key, value);
    }

    @Override
    public String toString() {
        return step.name() + " (position " + (step.position() + 1) + ")";
    }
}
