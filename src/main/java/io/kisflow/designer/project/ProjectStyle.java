package io.kisflow.designer.project;

import io.kisflow.config.ConfigExporter;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.Origin;
import io.kisflow.config.YamlStyle;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the project writes its files, so the files the designer adds look like their neighbours: the
 * extension most of its object files have ({@code .yml} or {@code .yaml}) and the indentation most
 * of them use. A project with no files yet gets Go's export layout ({@code .yaml}, yaml.v3's
 * 4-space steps). Ties go to Go's choice, so the result never depends on the order files are read.
 *
 * <pre>{@code ProjectStyle style = ProjectStyle.of(snapshot); String name = style.fileName(ref);}</pre>
 */
record ProjectStyle(String extension, YamlStyle yaml) {
    static final ProjectStyle GO = new ProjectStyle(".yaml", YamlStyle.GO);

    static ProjectStyle of(ProjectSnapshot base) {
        TreeSet<Path> files = new TreeSet<>();
        for (Map.Entry<ObjectRef, Origin> e : base.origins().entrySet()) {
            if (e.getValue() != null && e.getValue().file() != null) {
                files.add(e.getValue().file());
            }
        }
        Map<String, Integer> extensions = new TreeMap<>();
        Map<Integer, Integer> steps = new HashMap<>();
        Map<Integer, Integer> sequenceOffsets = new HashMap<>();
        Map<Integer, Integer> itemOffsets = new HashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                extensions.merge(name.substring(name.lastIndexOf('.')), 1, Integer::sum);
            }
            String text = base.texts().get(f);
            if (text == null) {
                continue;
            }
            int[] found;
            try {
                found = Indentation.found(YamlDocument.parse(text));
            } catch (RuntimeException unreadable) {
                continue; // a file the loader reported; it says nothing about the project's layout
            }
            vote(steps, found[0]);
            vote(sequenceOffsets, found[1]);
            vote(itemOffsets, found[2]);
        }
        String extension = winner(extensions, GO.extension());
        int step = winner(steps, GO.yaml().step());
        int seq = winner(sequenceOffsets, GO.yaml().sequenceOffset());
        int item = winner(itemOffsets, GO.yaml().itemOffset());
        return new ProjectStyle(extension, new YamlStyle(Math.max(1, step), seq, Math.max(2, item)));
    }

    /** The new file of an object: Go's export name with the project's extension. */
    String fileName(ObjectRef ref) {
        String go = ConfigExporter.fileName(ref);
        return go.substring(0, go.length() - ".yaml".length()) + extension;
    }

    private static void vote(Map<Integer, Integer> votes, int value) {
        if (value >= 0) {
            votes.merge(value, 1, Integer::sum);
        }
    }

    private static <K> K winner(Map<K, Integer> votes, K fallback) {
        K best = fallback;
        int bestCount = votes.getOrDefault(fallback, 0);
        for (Map.Entry<K, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
