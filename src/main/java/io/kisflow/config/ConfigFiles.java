package io.kisflow.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the config files of a project: every {@code *.yml} / {@code *.yaml} below a folder, following
 * symbolic links (users link shared configs in), sorted so that loading is the same on every machine.
 * Folders that cannot be read and link loops are reported, and the walk goes on.
 *
 * <p>Entries named like config files are not examined here: {@link FileText} checks each one when it
 * reads it, in parallel. Only other entries are looked at, to find the folders to descend into; that
 * keeps this sequential walk to one directory listing per folder.
 */
final class ConfigFiles {
    record Found(List<Path> files, List<Problem> problems) {
    }

    private ConfigFiles() {
    }

    static boolean isConfigName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String s = name.toString();
        return s.endsWith(".yml") || s.endsWith(".yaml");
    }

    static Found find(Path root) {
        List<Problem> problems = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            return new Found(List.of(root), problems);
        }
        if (!Files.isDirectory(root)) {
            String why = Files.isSymbolicLink(root) ? "it is a symbolic link whose target does not exist"
                    : Files.exists(root) ? "it is neither a file nor a folder" : "there is no such file or folder";
            problems.add(Problem.error(root, 0, null, "cannot load " + root + ": " + why));
            return new Found(List.of(), problems);
        }
        List<Path> files = new ArrayList<>();
        Set<Object> ancestors = new HashSet<>();
        ancestors.add(identity(root));
        walk(root, ancestors, files, problems);
        Collections.sort(files);
        return new Found(files, problems);
    }

    private static void walk(Path dir, Set<Object> ancestors, List<Path> files, List<Problem> problems) {
        List<Path> subfolders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (isConfigName(entry)) {
                    files.add(entry);
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue; // a broken link or a vanished entry that is not a config file: Go ignores it as well
                }
                if (attrs.isDirectory()) {
                    subfolders.add(entry);
                }
            }
        } catch (AccessDeniedException e) {
            problems.add(Problem.error(dir, 0, null, "cannot open folder " + dir + ": permission denied; its configs were not loaded"));
            return;
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.error(dir, 0, null, "cannot list folder " + dir + ": " + reason(e) + "; its configs were not loaded"));
            return;
        }
        Collections.sort(subfolders);
        for (Path sub : subfolders) {
            Object id = identity(sub);
            if (!ancestors.add(id)) {
                problems.add(Problem.error(sub, 0, null, "symbolic link loop: " + sub
                        + " leads back to a folder that contains it; it was not followed (remove or fix the link)"));
                continue;
            }
            walk(sub, ancestors, files, problems);
            ancestors.remove(id);
        }
    }

    /** What makes two paths the same folder: the file key (device and inode), else the real path. */
    private static Object identity(Path dir) {
        try {
            Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
            return key != null ? key : dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    private static String reason(Exception e) {
        return e instanceof IOException io ? FileText.reason(io) : String.valueOf(e.getMessage());
    }
}
