package io.kisflow.designer.project;

import io.kisflow.config.ConfigSet;

import java.time.Instant;

/** INTERIM STAND-IN per /work/DESIGNER-FILES-CONTRACT.md; removed when branch designer-files is merged. */
public record Recovered(ConfigSet configs, ProjectLayout layout, Instant savedAt) {
}
