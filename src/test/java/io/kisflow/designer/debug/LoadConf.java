package io.kisflow.designer.debug;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.LoadResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Go's conformance configs (flowName1..5, StuAvg, ConnName1) and the three source rows Go's tests committed. */
public final class LoadConf {
    public static final List<String> SOURCE = List.of("This is Data1 from Test", "This is Data2 from Test", "This is Data3 from Test");

    private LoadConf() {
    }

    public static Path dir() {
        Path inRepo = Path.of("src/test/java/io/kisflow/conformance/data/load_conf");
        return Files.isDirectory(inRepo) ? inRepo : Path.of("/work/shared/conformance/load_conf");
    }

    public static Path traces() {
        Path inRepo = Path.of("src/test/java/io/kisflow/conformance/data/go-traces");
        return Files.isDirectory(inRepo) ? inRepo : Path.of("/work/shared/conformance/go-traces");
    }

    public static ConfigSet configs() {
        LoadResult r = ConfigLoader.load(dir());
        if (r.hasErrors()) {
            throw new IllegalStateException("load_conf does not load: " + r.errors());
        }
        return r.configs();
    }
}
