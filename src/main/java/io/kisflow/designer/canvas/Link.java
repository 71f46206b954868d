package io.kisflow.designer.canvas;

/** A line between a connector badge and a card that binds it ({@code mode} is "Save" or "Load"). */
public record Link(String cname, int lane, int index, String mode) {
}
