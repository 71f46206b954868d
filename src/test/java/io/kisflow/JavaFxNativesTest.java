package io.kisflow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaFxNativesTest {
    @Test
    void platformNamesFollowJavaFxClassifiers() {
        assertEquals(Optional.of("linux-x64"), JavaFxNatives.platform("Linux", "amd64"));
        assertEquals(Optional.of("linux-aarch64"), JavaFxNatives.platform("Linux", "aarch64"));
        assertEquals(Optional.of("mac-x64"), JavaFxNatives.platform("Mac OS X", "x86_64"));
        assertEquals(Optional.of("mac-aarch64"), JavaFxNatives.platform("Mac OS X", "aarch64"));
        assertEquals(Optional.of("win-x64"), JavaFxNatives.platform("Windows 11", "amd64"));
        // JavaFX 21 has no Windows-on-ARM build, nor 32-bit ones
        assertEquals(Optional.empty(), JavaFxNatives.platform("Windows 11", "aarch64"));
        assertEquals(Optional.empty(), JavaFxNatives.platform("Linux", "x86"));
    }

    @Test
    void thePomPacksTheNativesOfEveryPlatformTheLauncherRecognises() throws IOException {
        // the build and the launcher must agree on the folder names, or a platform silently
        // falls back to no natives at all
        String pom = Files.readString(Path.of("pom.xml"));
        java.util.Set<String> packed = new java.util.TreeSet<>();
        var m = java.util.regex.Pattern.compile("/natives/([a-z0-9-]+)</outputDirectory>").matcher(pom);
        while (m.find()) {
            packed.add(m.group(1));
        }
        java.util.Set<String> recognised = new java.util.TreeSet<>();
        for (String os : new String[] {"Linux", "Mac OS X", "Windows 10"}) {
            for (String arch : new String[] {"amd64", "aarch64"}) {
                JavaFxNatives.platform(os, arch).ifPresent(recognised::add);
            }
        }
        assertEquals(java.util.Set.of("linux-x64", "linux-aarch64", "mac-x64", "mac-aarch64", "win-x64"), recognised);
        assertEquals(recognised, packed);
    }

    @Test
    void extractsOnlyThisPlatformsLibrariesOnceAndWhole(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("app.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(z, "natives/linux-x64/libglass.so", "x64 glass");
            put(z, "natives/linux-x64/libprism_sw.so", "x64 prism");
            put(z, "natives/linux-aarch64/libglass.so", "arm glass");
            put(z, "io/kisflow/Launcher.class", "not a library");
        }
        Path cache = tmp.resolve("cache");
        Path dir = JavaFxNatives.extract(jar, "linux-x64", cache).orElseThrow();
        assertEquals("x64 glass", Files.readString(dir.resolve("libglass.so")));
        assertEquals("x64 prism", Files.readString(dir.resolve("libprism_sw.so")));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
        // a second start reuses the folder, and no temporary folder is left beside it
        Files.setLastModifiedTime(dir.resolve("libglass.so"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(dir, JavaFxNatives.extract(jar, "linux-x64", cache).orElseThrow());
        assertEquals(0, Files.getLastModifiedTime(dir.resolve("libglass.so")).toMillis());
        try (var dirs = Files.list(cache)) {
            assertEquals(1, dirs.count());
        }
        // a truncated copy (a crash of an older version, a full disk) is not trusted
        Files.writeString(dir.resolve("libglass.so"), "x6");
        Path again = JavaFxNatives.extract(jar, "linux-x64", tmp.resolve("cache2")).orElseThrow();
        assertEquals("x64 glass", Files.readString(again.resolve("libglass.so")));
    }

    @Test
    void aJarWithoutThisPlatformChangesNothing(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("app.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(z, "natives/win-x64/glass.dll", "win");
        }
        assertTrue(JavaFxNatives.extract(jar, "linux-x64", tmp.resolve("cache")).isEmpty());
        assertFalse(Files.exists(tmp.resolve("cache")));
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        OutputStream o = z;
        o.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
