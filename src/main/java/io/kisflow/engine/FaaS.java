package io.kisflow.engine;

/** The code of a function: reads {@link Flow#input()}, commits rows, may set actions with {@link Flow#next}. */
@FunctionalInterface
public interface FaaS {
    void call(Flow flow) throws Exception;
}
