package io.kisflow.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every IOException becomes a reason and, where there is one, what to do; never the bare path the JDK puts in getMessage(). */
class IoReasonsTest {
    @Test
    void exceptionTypesBecomeWords() {
        // the tests run as root, so permission denied cannot be produced with chmod: the types are built here
        assertEquals("permission denied", IoReasons.reason(new AccessDeniedException("in/one.jsonl")));
        assertTrue(IoReasons.describe(new AccessDeniedException("in/one.jsonl")).startsWith("permission denied; check the permissions"));
        assertEquals("no such file or directory", IoReasons.reason(new NoSuchFileException("x")));
        assertEquals("not a directory", IoReasons.reason(new NotDirectoryException("x")));
        assertEquals("a file or folder of that name already exists", IoReasons.reason(new FileAlreadyExistsException("x")));
        assertEquals("read-only file system", IoReasons.reason(new FileSystemException("x", null, "Read-only file system")));
        assertTrue(IoReasons.describe(new FileSystemException("x", null, "No space left on device")).contains("free some disk space"));
        assertEquals("permission denied", IoReasons.reason(new FileNotFoundException("in.txt (Permission denied)")));
        assertEquals("is a directory", IoReasons.reason(new FileNotFoundException("in (Is a directory)")));
        assertEquals("not a zip archive (zip END header not found)", IoReasons.reason(new ZipException("zip END header not found")));
        assertEquals("not UTF-8 text", IoReasons.reason(new MalformedInputException(1)));
        assertEquals("IOException", IoReasons.reason(new IOException()));
    }

    @Test
    void theFileItHappenedToIsNamedWhenItIsNotTheOneAsked() {
        AccessDeniedException e = new AccessDeniedException("out/flow-a.yaml");
        assertEquals("permission denied at out/flow-a.yaml; check the permissions of the file and its folders, or run as a user who may use them",
                IoReasons.describe(e, "out"));
        assertTrue(IoReasons.describe(e, "out/flow-a.yaml").startsWith("permission denied; "));
    }

    @Test
    void realFailuresBecomeWords(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        IOException missing = assertThrows(IOException.class, () -> Files.newInputStream(tmp.resolve("missing")));
        assertTrue(IoReasons.describe(missing).startsWith("no such file or directory; check the path"), IoReasons.describe(missing));
        IOException underFile = assertThrows(IOException.class, () -> Files.createDirectories(file.resolve("sub")));
        assertTrue(IoReasons.reason(underFile).contains("exists") || IoReasons.reason(underFile).contains("not a directory"), IoReasons.reason(underFile));
        IOException writeUnderFile = assertThrows(IOException.class, () -> Files.writeString(file.resolve("x.yaml"), "x"));
        assertEquals("not a directory", IoReasons.reason(writeUnderFile));
        IOException folderAsFile = assertThrows(IOException.class, () -> Files.readString(tmp));
        assertEquals("is a directory", IoReasons.reason(folderAsFile));
        IOException notZip = assertThrows(IOException.class, () -> new ZipFile(file.toFile()).close());
        assertTrue(IoReasons.reason(notZip).startsWith("not a zip archive"), IoReasons.reason(notZip));
    }
}
