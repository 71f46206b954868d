package io.kisflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The source rows of a run: one row per non-blank input line, a string or (with --json) a parsed JSON value. */
final class InputRows {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private InputRows() {
    }

    static List<Object> read(String source, boolean json, InputStream stdin) {
        String name = "-".equals(source) ? "standard input" : source;
        try (InputStream in = "-".equals(source) ? stdin : Files.newInputStream(Path.of(source));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            List<Object> rows = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                rows.add(json ? parse(line, name, number) : line);
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new CommandException("--input " + source + ": no such file");
        } catch (CharacterCodingException e) {
            throw new CommandException(name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new CommandException("could not read " + name + ": " + e.getMessage(), e);
        }
    }

    private static Object parse(String line, String name, int number) {
        try {
            return JSON.readValue(line, Object.class);
        } catch (JsonProcessingException e) {
            throw new CommandException(name + ":" + number + ": not a JSON value (" + e.getOriginalMessage()
                    + "); drop --json to pass lines as plain strings");
        }
    }
}
