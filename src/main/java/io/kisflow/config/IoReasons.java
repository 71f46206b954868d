package io.kisflow.config;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Turns an IOException into words a user can act on: what went wrong ("permission denied", "no such
 * file or directory", "not a zip archive") and what to do. The JDK's own messages often hold only the
 * path ({@code AccessDeniedException.getMessage()} is the file name), which is how "could not read
 * in/one.jsonl: in/one.jsonl" came about; every command builds its file messages here instead.
 *
 * <pre>{@code throw new CommandException("could not read " + file + ": " + IoReasons.describe(e));}</pre>
 */
public final class IoReasons {
    private IoReasons() {
    }

    /** What went wrong, in a few lowercase words, with the file it happened to when that is another file than asked for. */
    public static String reason(IOException e) {
        String words = words(e);
        String other = e instanceof FileSystemException fse ? fse.getOtherFile() : null;
        return other == null ? words : words + " (" + other + ")";
    }

    /** The reason followed by what to do about it: "permission denied; check the permissions ...". */
    public static String describe(IOException e) {
        String advice = advice(e);
        return advice == null ? reason(e) : reason(e) + "; " + advice;
    }

    /** The reason with the file it concerns when that is not {@code asked} (a file inside a folder being written, say). */
    public static String describe(IOException e, Object asked) {
        String file = e instanceof FileSystemException fse ? fse.getFile() : null;
        String at = file != null && asked != null && !file.equals(asked.toString()) ? " at " + file : "";
        String advice = advice(e);
        return reason(e) + at + (advice == null ? "" : "; " + advice);
    }

    private static String words(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file or folder of that name already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "a symbolic link loop";
        }
        if (e instanceof ZipException) {
            return "not a zip archive" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return lowerFirst(fse.getReason()); // "Is a directory", "Read-only file system", "No space left on device"
        }
        String m = e.getMessage();
        if (e instanceof FileNotFoundException && m != null && m.endsWith(")") && m.lastIndexOf(" (") > 0) {
            return lowerFirst(m.substring(m.lastIndexOf(" (") + 2, m.length() - 1)); // "in.txt (Permission denied)"
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : lowerFirst(m); // "Is a directory" from a read
    }

    /** What to do, for the reasons a user can do something about; null when there is nothing general to say. */
    private static String advice(IOException e) {
        String w = words(e).toLowerCase(Locale.ROOT);
        if (w.startsWith("permission denied") || w.startsWith("operation not permitted")) {
            return "check the permissions of the file and its folders, or run as a user who may use them";
        }
        if (w.startsWith("no such file")) {
            return "check the path (relative paths start at " + System.getProperty("user.dir") + ")";
        }
        if (w.startsWith("not a directory")) {
            return "a part of the path is a file where a folder is expected: choose another path or move the file";
        }
        if (w.startsWith("is a directory")) {
            return "give a file, not a folder";
        }
        if (w.startsWith("a file or folder of that name already exists")) {
            return "remove or rename it, or choose another path";
        }
        if (w.startsWith("read-only file system")) {
            return "choose a place on a writable disk";
        }
        if (w.startsWith("no space left") || w.startsWith("disk quota")) {
            return "free some disk space and try again";
        }
        if (w.startsWith("not utf-8")) {
            return "save the file as UTF-8";
        }
        return null;
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }
}
