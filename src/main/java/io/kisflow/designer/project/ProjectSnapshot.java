package io.kisflow.designer.project;

import io.kisflow.code.FunctionSources;
import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.LoadResult;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.Origin;
import io.kisflow.config.Problem;
import io.kisflow.flowtest.FlowTestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A project as it is on disk at one moment: what the loader made of it, the text of every file an
 * object came from (the base every patch starts from), the layout sidecar and the function sources
 * ({@code functions/*.java}) with the flow test cases ({@code tests/*.json}), project-relative path to
 * text: neither is YAML, both are saved as typed. Reading it writes nothing.
 */
record ProjectSnapshot(Path dir, ConfigSet configs, List<Problem> problems, Map<ObjectRef, Origin> origins,
                       Map<Path, String> texts, ProjectLayout layout, String sidecarText, Map<String, String> code) {

    static ProjectSnapshot read(Path dir) throws IOException {
        return read(dir, FileProgress.NONE);
    }

    /** Reports each phase and each file read again; a cancel stops between two files (nothing is written). */
    static ProjectSnapshot read(Path dir, FileProgress progress) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder" + (Files.exists(dir) ? "" : " (it does not exist)")
                    + "; open the folder that holds the project's .yml/.yaml files");
        }
        progress.step(0, 0, "Loading the YAML files of " + dir.getFileName());
        LoadResult loaded = ConfigLoader.load(dir);
        Map<Path, String> texts = new HashMap<>();
        long fileCount = loaded.origins().values().stream().map(Origin::file).filter(java.util.Objects::nonNull).distinct().count();
        for (Origin o : loaded.origins().values()) {
            if (o.file() != null && !texts.containsKey(o.file())) {
                progress.step(texts.size(), fileCount, "Reading " + (o.file().startsWith(dir) ? dir.relativize(o.file()) : o.file()));
                try {
                    texts.put(o.file(), TextFiles.read(o.file()));
                } catch (IOException e) {
                    // changed or gone since the loader read it: a save then writes this object anew
                    System.getLogger(ProjectSnapshot.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not read " + o.file() + " again; a save writes its objects anew", e);
                }
            }
        }
        List<Problem> problems = new ArrayList<>(loaded.problems());
        Path sidecar = dir.resolve(LayoutFile.FILE_NAME);
        ProjectLayout layout = ProjectLayout.EMPTY;
        String sidecarText = null;
        if (Files.isRegularFile(sidecar)) {
            try {
                sidecarText = TextFiles.read(sidecar);
                layout = LayoutFile.parse(sidecarText, sidecar, problems);
            } catch (IOException e) {
                problems.add(Problem.warning(sidecar, 0, null, "the designer layout file cannot be read (" + e.getMessage()
                        + "); the canvas starts with the default layout"));
            }
        }
        progress.step(fileCount, fileCount, "Reading the function sources");
        FunctionSources sources = FunctionSources.read(dir);
        problems.addAll(sources.problems());
        Map<String, String> files = new java.util.TreeMap<>(sources.texts());
        files.putAll(FlowTestFiles.texts(dir));
        return new ProjectSnapshot(dir, loaded.configs(), Collections.unmodifiableList(problems), loaded.origins(),
                Collections.unmodifiableMap(texts), layout, sidecarText, Collections.unmodifiableMap(files));
    }

    static ProjectSnapshot empty(Path dir) {
        return new ProjectSnapshot(dir, ConfigSet.EMPTY, List.of(), Map.of(), Map.of(), ProjectLayout.EMPTY, null, Map.of());
    }

    Path sidecar() {
        return dir.resolve(LayoutFile.FILE_NAME);
    }
}
