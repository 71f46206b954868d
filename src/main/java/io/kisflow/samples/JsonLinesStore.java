package io.kisflow.samples;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A tiny embedded store: one JSON-lines file per key in a directory. Safe for the forks of one engine. */
final class JsonLinesStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    JsonLinesStore(Path dir) {
        this.dir = dir;
    }

    synchronized Object append(String key, Object row) throws IOException {
        Files.createDirectories(dir);
        String line = JSON.writeValueAsString(row) + "\n";
        Files.writeString(file(key), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return row;
    }

    /** The rows stored under {@code key} whose stu_id equals {@code filter}, or all of them for "all". */
    synchronized List<Map<String, Object>> read(String key, String filter) throws IOException {
        Path file = file(key);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> row = parse(line);
            if ("all".equals(filter) || String.valueOf(row.get("stu_id")).equals(filter.trim())) {
                rows.add(row);
            }
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        try {
            return JSON.readValue(line, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt line in score store: " + line, e);
        }
    }

    private Path file(String key) {
        // The key is a prefix chosen in YAML; keep it a plain file name inside the store directory.
        String safe = key.replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve((safe.isEmpty() ? "default" : safe) + ".jsonl");
    }
}
