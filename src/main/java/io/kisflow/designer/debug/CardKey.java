package io.kisflow.designer.debug;

import java.util.Objects;

/** A function card: the flow and the function's index in its chain (a function may appear in several flows, or twice in one). */
public record CardKey(String flowName, int position) {
    public CardKey {
        Objects.requireNonNull(flowName, "flowName");
        if (position < 0) {
            throw new IllegalArgumentException("a card's position is 0 or more, not " + position);
        }
    }
}
