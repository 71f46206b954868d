package io.kisflow.connect;

import io.kisflow.config.IoReasons;
import io.kisflow.engine.ConnectorClient;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON-lines file: one row per line, a string row as it is (as a JSON string when it holds a line
 * break), any other row as compact JSON. Appends are serialised per connector, so the forks of one
 * engine never interleave half lines.
 */
final class FileConnector implements ConnectorClient {
    private final ConnectorSettings settings;
    private final Path file;

    private FileConnector(ConnectorSettings settings, Path file) {
        this.settings = settings;
        this.file = file;
    }

    static FileConnector open(ConnectorSettings s) {
        if (s.key().isBlank()) {
            throw new IllegalArgumentException(s.where() + ": key is empty; set it to the file name, e.g. rows.jsonl");
        }
        Path dir = Path.of(s.addrs().isBlank() ? "." : s.addrs().strip());
        return new FileConnector(s, dir.resolve(s.key().strip()).toAbsolutePath().normalize());
    }

    @Override
    public synchronized void save(List<?> rows) throws Exception {
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                for (Object row : rows) {
                    w.write(Rows.line(row));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new Exception(settings.where() + ": appending to " + file + " failed: " + IoReasons.describe(e, file), e);
        }
    }

    @Override
    public synchronized List<Object> load() throws Exception {
        List<Object> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.add(Rows.value(line));
                }
            }
        } catch (NoSuchFileException e) {
            return rows; // nothing saved yet
        } catch (IOException e) {
            throw new Exception(settings.where() + ": reading " + file + " failed: " + IoReasons.describe(e, file), e);
        }
        return rows;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return type == Path.class ? type.cast(file) : null;
    }

    @Override
    public List<Class<?>> unwrapsTo() {
        return List.of(Path.class);
    }

    @Override
    public void close() {
        // nothing stays open between calls
    }
}
