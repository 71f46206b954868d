package io.kisflow.engine;

import java.util.List;

/**
 * The code of a function that declares its row type: rows already of type {@code T} are passed as
 * they are, JSON strings are parsed, anything else goes through Jackson. A row that cannot be
 * converted fails the call with an error naming the flow, the function and the row's index.
 */
@FunctionalInterface
public interface TypedFaaS<T> {
    void call(Flow flow, List<T> rows) throws Exception;
}
