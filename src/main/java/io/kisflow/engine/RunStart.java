package io.kisflow.engine;

import java.util.List;

/** A run begins: the rows committed before {@link Flow#run()} have become the source level (a snapshot). */
public record RunStart(String flowName, String flowId, List<Object> sourceRows) {
}
