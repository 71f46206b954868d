package io.kisflow.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds the config files of a project: every {@code *.yml} / {@code *.yaml} below a folder
 * (following symbolic links, as users link shared configs in), sorted so that loading is the same on
 * every machine. Folders that cannot be read and link loops are reported, and the walk goes on.
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
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!isConfigName(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile()) {
                        files.add(file);
                    } else if (attrs.isSymbolicLink()) {
                        problems.add(Problem.error(file, 0, null, "cannot read the file: it is a symbolic link whose target does not exist"));
                    } else {
                        problems.add(Problem.error(file, 0, null, "skipped: this is not a regular file (a device, pipe or socket)"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        problems.add(Problem.error(file, 0, null, "symbolic link loop: " + file
                                + " leads back to a folder that contains it; it was not followed (remove or fix the link)"));
                    } else if (e instanceof AccessDeniedException) {
                        problems.add(Problem.error(file, 0, null, "cannot read " + file + ": permission denied"));
                    } else {
                        problems.add(Problem.error(file, 0, null, "cannot read " + file + ": " + FileText.reason(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        problems.add(Problem.error(dir, 0, null, "could not list all of folder " + dir + ": " + FileText.reason(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(Problem.error(root, 0, null, "cannot read folder " + root + ": " + FileText.reason(e)));
        }
        Collections.sort(files);
        return new Found(files, problems);
    }
}
