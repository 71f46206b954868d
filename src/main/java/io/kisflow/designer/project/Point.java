package io.kisflow.designer.project;

/** INTERIM STAND-IN per /work/DESIGNER-FILES-CONTRACT.md; removed when branch designer-files is merged. */
public record Point(double x, double y) {
}
