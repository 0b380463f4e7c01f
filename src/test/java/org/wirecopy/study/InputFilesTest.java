package org.wirecopy.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputFilesTest {

    @TempDir
    Path dir;

    private List<String> ids(List<InputFiles.Input> in) {
        return in.stream().map(i -> i.stdin() ? "-" : dir.relativize(i.path()).toString().replace('\\', '/'))
                .toList();
    }

    @Test
    void foldersAreWalkedRecursivelyInPathOrderSkippingHiddenFiles() throws IOException {
        Files.createDirectories(dir.resolve("site/b"));
        Files.createDirectories(dir.resolve("site/.git"));
        for (String f : List.of("site/z.html", "site/b/a.html", "site/a.txt", "site/.hidden.html",
                "site/.git/x.html", "one.txt")) {
            Files.writeString(dir.resolve(f), "x");
        }
        List<InputFiles.Input> all = InputFiles.expand(List.of(dir.resolve("one.txt").toString(), "-",
                dir.resolve("site").toString()), null);
        assertEquals(List.of("one.txt", "-", "site/a.txt", "site/b/a.html", "site/z.html"), ids(all));
        List<InputFiles.Input> html = InputFiles.expand(List.of(dir.resolve("site").toString()), "*.html");
        assertEquals(List.of("site/b/a.html", "site/z.html"), ids(html));
        List<InputFiles.Input> below = InputFiles.expand(List.of(dir.resolve("site").toString()), "b/*.html");
        assertEquals(List.of("site/b/a.html"), ids(below));
    }

    @Test
    void emptyMatchesMissingFilesAndTwoStdinsAreRefused() throws IOException {
        Files.createDirectories(dir.resolve("e"));
        Files.writeString(dir.resolve("e/a.txt"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputFiles.expand(List.of(dir.resolve("e").toString()), "*.html"));
        assertTrue(e.getMessage().contains("*.html"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> InputFiles.expand(List.of(dir.resolve("nope").toString()), null));
        assertThrows(IllegalArgumentException.class, () -> InputFiles.expand(List.of("-", "-"), null));
    }
}
