package io.kisflow.designer.canvas;

import io.kisflow.config.Problem;

import java.util.Map;

/** The worst problem of each flow, function and connector, for the markers on lanes, cards and badges. */
public record Markers(Map<String, Problem.Severity> flows, Map<String, Problem.Severity> funcs,
                      Map<String, Problem.Severity> conns) {
    public static final Markers NONE = new Markers(Map.of(), Map.of(), Map.of());
}
