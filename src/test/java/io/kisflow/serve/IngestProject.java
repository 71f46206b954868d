package io.kisflow.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The serve tests' project: flow Ingest, a Calculate function Check, then Save into a file connector (store/rows.jsonl). */
final class IngestProject {
    private IngestProject() {
    }

    /** Writes the project's YAML into {@code dir} and loads it. */
    static ConfigSet write(Path dir) throws IOException {
        Path store = dir.resolve("store");
        Files.createDirectories(store);
        Files.writeString(dir.resolve("conn-Store.yml"), "kistype: conn\ncname: Store\naddrs: '" + store + "'\ntype: file\nkey: rows.jsonl\n");
        Files.writeString(dir.resolve("func-Check.yml"), "kistype: func\nfname: Check\nfmode: Calculate\nsource:\n  name: rows\n");
        Files.writeString(dir.resolve("func-Save.yml"), "kistype: func\nfname: Save\nfmode: Save\nsource:\n  name: rows\noption:\n  cname: Store\n");
        Files.writeString(dir.resolve("flow-Ingest.yml"), "kistype: flow\nstatus: 1\nflow_name: Ingest\nflows:\n  - fname: Check\n  - fname: Save\n");
        LoadResult loaded = ConfigLoader.load(dir);
        assertTrue(!loaded.hasErrors(), loaded.errors().toString());
        return loaded.configs();
    }
}
