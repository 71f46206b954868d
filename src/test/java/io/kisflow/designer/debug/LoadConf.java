package io.kisflow.designer.debug;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.LoadResult;

import java.nio.file.Path;
import java.util.List;

/**
 * Go's conformance configs (flowName1..5, StuAvg, ConnName1) and traces, from the shared material
 * ({@link io.kisflow.SharedMaterial}), and the three source rows Go's tests committed.
 */
public final class LoadConf {
    public static final List<String> SOURCE = List.of("This is Data1 from Test", "This is Data2 from Test", "This is Data3 from Test");

    private LoadConf() {
    }

    /** Go's load_conf from the shared material; skips the calling test when it is absent. */
    public static Path dir() {
        return io.kisflow.SharedMaterial.loadConf();
    }

    public static Path traces() {
        return io.kisflow.SharedMaterial.goTraces();
    }

    public static ConfigSet configs() {
        LoadResult r = ConfigLoader.load(dir());
        if (r.hasErrors()) {
            throw new IllegalStateException("load_conf does not load: " + r.errors());
        }
        return r.configs();
    }
}
