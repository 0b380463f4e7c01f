package org.wirecopy.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeFilesTest {

    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfwayLeavesTheTargetAsItWasAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("report.json"), "old", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> SafeFiles.writeAtomically(target, out -> {
            out.write("half of the new content".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains(target + ": cannot write: No space left on device; free some disk space"),
                e.getMessage());
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "a temporary file was left behind");
        }
        SafeFiles.writeAtomically(target, "new");
        assertEquals("new", Files.readString(target));
    }

    @Test
    void readsAreBoundedByTheBytesReadNotTheSizeReported() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> SafeFiles.readBounded(endless, "endless", 1000, "split it"));
        assertEquals("endless: more than 1000 bytes; split it", e.getMessage());
    }

    @Test
    void sameFileSeesThroughPathSpelling() throws Exception {
        Path a = Files.writeString(dir.resolve("d.tsv"), "x");
        assertTrue(SafeFiles.sameFile(a, dir.resolve(".").resolve("d.tsv")));
        assertTrue(SafeFiles.sameFile(dir.resolve("new.zip"), dir.resolve("sub/../new.zip")));
        assertEquals(3, SafeFiles.readBounded(new ByteArrayInputStream(new byte[3]), "n", 3, "").length);
    }
}
