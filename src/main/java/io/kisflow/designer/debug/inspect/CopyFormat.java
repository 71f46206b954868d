package io.kisflow.designer.debug.inspect;

/** How copied rows are put on the clipboard: tab-separated cells with a header line, or a JSON array. */
public enum CopyFormat { TSV, JSON }
