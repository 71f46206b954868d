package io.kisflow.designer.project;

import java.util.List;
import java.util.Map;

/** INTERIM STAND-IN per /work/DESIGNER-FILES-CONTRACT.md; removed when branch designer-files is merged. */
public record ProjectLayout(List<String> laneOrder, Map<String, Point> connectorPositions,
                            double zoom, double panX, double panY,
                            Map<String, List<String>> inputRows, Map<String, List<String>> pinnedRows,
                            List<String> pluginPaths, Map<String, Object> extra) {
    public static final ProjectLayout EMPTY = new ProjectLayout(List.of(), Map.of(), 1.0, 0, 0, Map.of(), Map.of(), List.of(), Map.of());
}
