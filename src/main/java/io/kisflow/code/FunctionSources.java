package io.kisflow.code;

import io.kisflow.config.IoReasons;
import io.kisflow.config.Problem;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The function sources of a project folder: every {@code *.java} inside a folder named
 * {@code functions} anywhere in the project (Go's loader reads the project's folders recursively, so
 * a project made of sub-projects keeps each one's functions beside its YAML), by path relative to
 * the project folder with '/' separators, in name order. Hidden folders (.git, the embedded store)
 * are skipped. Nothing there is YAML: Go's loader reads every .yml/.yaml of the folder and would
 * reject it.
 *
 * <pre>{@code FunctionSources s = FunctionSources.read(dir); s.texts().get("functions/Upper.java");}</pre>
 */
public record FunctionSources(Map<String, String> texts, List<Problem> problems) {
    /** The folder, relative to the project folder, that holds function sources. */
    public static final String FOLDER = "functions";

    public FunctionSources {
        texts = java.util.Collections.unmodifiableMap(new TreeMap<>(texts));
        problems = List.copyOf(problems);
    }

    public static FunctionSources read(Path dir) {
        Map<String, String> texts = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new FunctionSources(texts, problems);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> isSource(dir, p) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            IOException io = e instanceof IOException x ? x : ((java.io.UncheckedIOException) e).getCause();
            problems.add(Problem.error(dir, 0, null, "the function sources cannot be listed: " + IoReasons.describe(io, dir)));
            return new FunctionSources(texts, problems);
        }
        for (Path file : files) {
            try {
                texts.put(relative(dir, file), StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString());
            } catch (CharacterCodingException e) {
                problems.add(Problem.error(file, 0, null, "is not UTF-8 text: save it as UTF-8 so the compiler can read it"));
            } catch (IOException e) {
                problems.add(Problem.error(file, 0, null, "cannot be read: " + IoReasons.describe(e, file)));
            }
        }
        return new FunctionSources(texts, problems);
    }

    /** A .java file with a folder named functions on its way from the project folder, and no hidden folder. */
    static boolean isSource(Path dir, Path file) {
        if (!file.getFileName().toString().endsWith(".java")) {
            return false;
        }
        Path rel = dir.relativize(file);
        boolean inFunctions = false;
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            String part = rel.getName(i).toString();
            if (part.startsWith(".")) {
                return false;
            }
            inFunctions |= part.equals(FOLDER);
        }
        return inFunctions;
    }

    static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }
}
