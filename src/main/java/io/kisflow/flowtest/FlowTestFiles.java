package io.kisflow.flowtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kisflow.config.IoReasons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reading and writing the case files of a project's {@code tests/} folder. Written cases are
 * pretty-printed with map keys sorted, so that a re-recorded case differs from the old one only
 * where its content does. A file that does not read as a case is kept as a {@link CaseFile} with
 * its error ({@code tests/x.json:3: ...}), so one bad file fails one case, not the whole run.
 *
 * <pre>{@code List<CaseFile> cases = FlowTestFiles.list(Path.of("conf-samples"));}</pre>
 */
public final class FlowTestFiles {
    /** The folder of a project holding the cases. */
    public static final String FOLDER = "tests";
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** A case file: its name (the file name without .json), and the case or why it could not be read. */
    public record CaseFile(String name, Path file, FlowTestCase testCase, String error) {
    }

    private FlowTestFiles() {
    }

    /** The case files of {@code project}/tests, by name, read on every core; an empty list when there is no such folder. */
    public static List<CaseFile> list(Path project) throws IOException {
        return paths(project).parallelStream().map(FlowTestFiles::load).toList();
    }

    /** The case files of {@code project}/tests in name order, not read yet; empty when there is no such folder. */
    public static List<Path> paths(Path project) throws IOException {
        Path dir = project.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The case name of a case file: its file name without .json. */
    public static String nameOf(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /** One case file, never throwing: an unreadable file comes back with its error. */
    public static CaseFile load(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            return new CaseFile(name, file, read(file), null);
        } catch (IOException | IllegalArgumentException e) {
            return new CaseFile(name, file, null, e.getMessage());
        }
    }

    /** Reads a case; the message of a failure names the file and line and says what to do. */
    public static FlowTestCase read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IOException("could not read " + file + ": " + IoReasons.describe(e, file), e);
        }
        return parse(file, text);
    }

    /**
     * A case from the text of its file (the designer holds unsaved cases as text); the message of a
     * failure names {@code file} and the line.
     */
    public static FlowTestCase parse(Path file, String text) {
        FlowTestCase c;
        try {
            c = JSON.readValue(text, FlowTestCase.class);
        } catch (JsonProcessingException e) {
            int line = e instanceof UnrecognizedPropertyException u ? lineOf(text, u.getPropertyName())
                    : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(file + ":" + line + ": not a flow test case: " + e.getOriginalMessage()
                    + "; a case is a JSON object with \"flow\" and optional \"input\", \"pinned\", \"expect\", \"expectActions\","
                    + " \"expectError\", \"ignore\", \"ordered\"", e);
        }
        if (c == null || c.flow() == null || c.flow().isBlank()) {
            throw new IllegalArgumentException(file + ":1: the case names no \"flow\"; add \"flow\": \"NAME\"");
        }
        return c;
    }

    /** A case file from its text, never throwing: a text that is no case comes back with its error. */
    public static CaseFile load(Path file, String text) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            return new CaseFile(name, file, parse(file, text), null);
        } catch (IllegalArgumentException e) {
            return new CaseFile(name, file, null, e.getMessage());
        }
    }

    /**
     * The line of a field name: Jackson reports an unknown field where it stopped reading (after its
     * value, for a record), not where the name is.
     */
    private static int lineOf(String text, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:").matcher(text);
        if (!m.find()) {
            return 1;
        }
        return (int) text.substring(0, m.start()).chars().filter(ch -> ch == '\n').count() + 1;
    }

    /** The project-relative path of a case ({@code tests/NAME.json}), '/'-separated as the designer keys project files. */
    public static String pathOf(String caseName) {
        return FOLDER + "/" + caseName + ".json";
    }

    /** True for a project-relative path of a case file: a .json directly in the project's tests/ folder. */
    public static boolean isCasePath(String relative) {
        return relative.startsWith(FOLDER + "/") && relative.endsWith(".json") && relative.indexOf('/', FOLDER.length() + 1) < 0;
    }

    /** The case name of a case file's project-relative path. */
    public static String nameOf(String relative) {
        return relative.substring(relative.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
    }

    /** A name a case file may have: letters, digits, '-', '_' and '.', not starting with a dot. */
    public static boolean isValidName(String name) {
        return name != null && name.matches("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}");
    }

    /**
     * The text of every case file of {@code project}, by project-relative path ({@code tests/x.json}):
     * how the designer holds them beside the function sources, so that saving, undo and recovery
     * cover them. A file that cannot be read as UTF-8 text is left out (the {@code test} command
     * reports it).
     */
    public static Map<String, String> texts(Path project) {
        Map<String, String> out = new TreeMap<>();
        Path dir = project.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList()) {
                try {
                    out.put(pathOf(f.getFileName().toString().replaceFirst("\\.json$", "")), Files.readString(f));
                } catch (IOException e) {
                    System.getLogger(FlowTestFiles.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not read " + f + "; left out", e);
                }
            }
        } catch (IOException e) {
            System.getLogger(FlowTestFiles.class.getName()).log(System.Logger.Level.DEBUG, () -> "could not list " + dir, e);
        }
        return out;
    }

    /** The text a case file holds: pretty-printed with sorted keys, ending with a newline. */
    public static String text(FlowTestCase testCase) {
        try {
            return JSON.writeValueAsString(testCase) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the case cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes a case, pretty-printed with sorted keys, ending with a newline. */
    public static void write(Path file, FlowTestCase testCase) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text(testCase));
    }
}
