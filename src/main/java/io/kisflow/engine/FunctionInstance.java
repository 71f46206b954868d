package io.kisflow.engine;

import io.kisflow.config.FuncConfig;

import java.util.Map;

/** One function of one flow instance: the shared plan step plus this instance's id and metadata. */
final class FunctionInstance implements Function {
    final FlowPlan.Step step;
    private final String id;
    private final MetaData metaData = new MetaData();
    /** Go semantics: this instance's own connector and its live params map (Go's); else the plan's. */
    private final ConnectorInstance connector;
    private final Map<String, String> params;

    FunctionInstance(FlowPlan.Step step, String id, FlowPlan plan) {
        this.step = step;
        this.id = id;
        boolean go = plan.goSemantics;
        this.connector = go && step.usesConnector() ? plan.perFunctionConnectors.perFunction(step.goConnConfig()) : step.connector();
        // Go hands the function the instance's own map: what it puts there stays for later runs (not for forks)
        this.params = go ? new java.util.LinkedHashMap<>(step.params()) : step.params();
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
        return connector;
    }

    ConnectorInstance connector() {
        return connector;
    }

    CaaS connectorCode() {
        return step.connectorCode();
    }

    int position() {
        return step.position();
    }

    Map<String, String> params() {
        return params;
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
