package io.kisflow.designer.debug.diff;

/** How a row of one level compares with the other: the same, changed, only on the right, only on the left. */
public enum DiffKind { SAME, CHANGED, ADDED, REMOVED }
