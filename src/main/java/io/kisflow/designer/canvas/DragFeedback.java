package io.kisflow.designer.canvas;

/**
 * What the canvas shows while something is dragged over it: where a card would be inserted
 * ({@code lane}/{@code gap}, -1 when nowhere), which card a connector would bind ({@code bindLane}/
 * {@code bindIndex}) and why it would be refused ({@code refusal}, null when allowed), and a ghost
 * of the dragged thing at world ({@code x}, {@code y}).
 */
public record DragFeedback(String label, String mode, double x, double y, int lane, int gap,
                           int bindLane, int bindIndex, String refusal, int laneGap) {
    public static DragFeedback ghost(String label, String mode, double x, double y) {
        return new DragFeedback(label, mode, x, y, -1, -1, -1, -1, null, -1);
    }

    public DragFeedback withGap(int newLane, int newGap) {
        return new DragFeedback(label, mode, x, y, newLane, newGap, -1, -1, null, -1);
    }

    public DragFeedback withBind(int lane, int index, String why) {
        return new DragFeedback(label, mode, x, y, -1, -1, lane, index, why, -1);
    }

    public DragFeedback withLaneGap(int g) {
        return new DragFeedback(label, mode, x, y, -1, -1, -1, -1, null, g);
    }
}
