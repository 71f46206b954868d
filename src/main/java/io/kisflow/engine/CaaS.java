package io.kisflow.engine;

/** What a connector does for one (function, mode): store or load rows; the result goes back to the caller. */
@FunctionalInterface
public interface CaaS {
    Object call(Connector connector, Function function, Flow flow, Object args) throws Exception;
}
