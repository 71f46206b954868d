package io.kisflow.connect;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.LoadResult;
import io.kisflow.engine.Engine;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.KisFlowRun;
import io.kisflow.engine.Level;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A project written as YAML files, as a user has it: connector Store of the given type, a Save
 * function and a Load function bound to it with no code of their own, flow SaveRows (Save) and flow
 * LoadRows (Load). The engine has no plugin: the built-in connector does the work.
 *
 * <pre>{@code try (StoreProject p = StoreProject.write(dir, "redis", "127.0.0.1:" + port, "scores", Map.of())) { p.save(rows); p.load(); }}</pre>
 */
final class StoreProject implements AutoCloseable {
    final Path dir;
    final Engine engine;

    private StoreProject(Path dir, Engine engine) {
        this.dir = dir;
        this.engine = engine;
    }

    static StoreProject write(Path dir, String type, String addrs, String key, Map<String, String> params) throws IOException {
        Files.createDirectories(dir);
        StringBuilder conn = new StringBuilder("kistype: conn\ncname: Store\naddrs: '" + addrs.replace("'", "''") + "'\ntype: " + type
                + "\nkey: '" + key + "'\n");
        if (!params.isEmpty()) {
            conn.append("params:\n");
            params.forEach((k, v) -> conn.append("  ").append(k).append(": '").append(v.replace("'", "''")).append("'\n"));
        }
        Files.writeString(dir.resolve("conn-Store.yml"), conn);
        Files.writeString(dir.resolve("func-Save.yml"), "kistype: func\nfname: Save\nfmode: Save\nsource:\n  name: rows\noption:\n  cname: Store\n");
        Files.writeString(dir.resolve("func-Load.yml"), "kistype: func\nfname: Load\nfmode: Load\nsource:\n  name: rows\noption:\n  cname: Store\n");
        Files.writeString(dir.resolve("flow-SaveRows.yml"), "kistype: flow\nstatus: 1\nflow_name: SaveRows\nflows:\n  - fname: Save\n");
        Files.writeString(dir.resolve("flow-LoadRows.yml"), "kistype: flow\nstatus: 1\nflow_name: LoadRows\nflows:\n  - fname: Load\n");
        LoadResult loaded = ConfigLoader.load(dir);
        if (loaded.hasErrors()) {
            throw new IllegalStateException(loaded.errors().toString());
        }
        return new StoreProject(dir, Engine.builder().configs(loaded.configs()).metrics(false).build());
    }

    /** Runs SaveRows over the rows; returns the Save function's level. */
    List<Object> save(List<?> rows) throws FlowException {
        KisFlowRun flow = engine.flow("SaveRows");
        rows.forEach(flow::commitRow);
        flow.run();
        return level(flow, "Save");
    }

    /** Runs LoadRows; returns the Load function's level. */
    List<Object> load() throws FlowException {
        KisFlowRun flow = engine.flow("LoadRows");
        flow.run();
        return level(flow, "Load");
    }

    private static List<Object> level(KisFlowRun flow, String name) {
        for (Level l : flow.levels()) {
            if (l.name().equals(name)) {
                return l.rows();
            }
        }
        return List.of();
    }

    @Override
    public void close() {
        engine.close();
    }
}
