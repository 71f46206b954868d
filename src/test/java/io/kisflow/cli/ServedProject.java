package io.kisflow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A config directory whose flow Ingest saves every row into a file of its own ({@code type: file}),
 * and {@code serve} run on it as a real child JVM ({@code java -cp} the test class path): what
 * the service saved is the file's lines, what it logged is {@link #log()}.
 */
final class ServedProject {
    final Path conf;
    final Path store;
    private Process process;
    private Path err;

    private ServedProject(Path conf, Path store) {
        this.conf = conf;
        this.store = store;
    }

    static ServedProject write(Path dir) throws IOException {
        Path conf = dir.resolve("conf");
        Path store = dir.resolve("store");
        Files.createDirectories(conf);
        Files.createDirectories(store);
        Files.writeString(conf.resolve("conn-Store.yml"), "kistype: conn\ncname: Store\naddrs: '" + store + "'\ntype: file\nkey: rows.jsonl\n");
        Files.writeString(conf.resolve("func-Save.yml"), "kistype: func\nfname: Save\nfmode: Save\nsource:\n  name: rows\noption:\n  cname: Store\n");
        Files.writeString(conf.resolve("flow-Ingest.yml"), "kistype: flow\nstatus: 1\nflow_name: Ingest\nflows:\n  - fname: Save\n");
        return new ServedProject(conf, store);
    }

    /** Starts {@code serve ARGS} in a child JVM, stderr to a file beside the store. */
    ServedProject start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "io.kisflow.Launcher", "serve"));
        command.addAll(List.of(args));
        err = store.resolveSibling("serve.err");
        process = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(store.resolveSibling("serve.out").toFile()).start();
        return this;
    }

    Process process() {
        return process;
    }

    String log() throws IOException {
        return err == null || !Files.exists(err) ? "" : Files.readString(err);
    }

    /** The rows saved, whole lines only (a kill -9 may cut the last one). */
    List<String> saved() throws IOException {
        Path f = store.resolve("rows.jsonl");
        if (!Files.exists(f)) {
            return List.of();
        }
        String text = Files.readString(f);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1); // after the last newline: empty, or a cut line
        return lines;
    }

    /** The saved rows "P-N" by partition P, as numbers N. */
    Map<Integer, List<Integer>> savedByPartition() throws IOException {
        Map<Integer, List<Integer>> out = new HashMap<>();
        for (String row : saved()) {
            String[] pn = row.split("-");
            out.computeIfAbsent(Integer.parseInt(pn[0]), k -> new ArrayList<>()).add(Integer.parseInt(pn[1]));
        }
        return out;
    }

    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
