package io.kisflow.designer.debug;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.LoadResult;

import java.nio.file.Path;
import java.util.List;

/**
 * Go's conformance configs (flowName1..5, StuAvg, ConnName1) and traces, from the copy the engine's
 * conformance test keeps in the repository, and the three source rows Go's tests committed.
 */
public final class LoadConf {
    public static final List<String> SOURCE = List.of("This is Data1 from Test", "This is Data2 from Test", "This is Data3 from Test");

    private LoadConf() {
    }

    private static final Path DATA = Path.of("src/test/java/io/kisflow/conformance/data");

    public static Path dir() {
        return DATA.resolve("load_conf");
    }

    public static Path traces() {
        return DATA.resolve("go-traces");
    }

    public static ConfigSet configs() {
        LoadResult r = ConfigLoader.load(dir());
        if (r.hasErrors()) {
            throw new IllegalStateException("load_conf does not load: " + r.errors());
        }
        return r.configs();
    }
}
