package org.wirecopy.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.io.SafeFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job's summary CSV is written atomically: a write that fails half-way leaves the previous file as it was and no
 * temporary file, on the local file system (through {@link SafeFiles}) and through the Hadoop rename used for other
 * file systems.
 */
class SummaryFileTest {

    private static final String OLD = "style,articles\nblog,3\n";

    /** Writes half of a new summary, then fails as a full disk would. */
    private static final SafeFiles.Content HALF_THEN_FAIL = out -> {
        out.write("style,articles\nnews,".getBytes(StandardCharsets.UTF_8));
        out.flush();
        throw new IOException("No space left on device");
    };

    @Test
    void aSummaryThatFailsHalfWayLeavesTheOldFileOnTheLocalFileSystem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary-by-style.csv");
        Files.writeString(file, OLD, StandardCharsets.UTF_8);
        FileSystem fs = FileSystem.getLocal(new Configuration());
        IOException e = assertThrows(IOException.class, () -> WirecopyJob.writeAtomically(fs,
                new org.apache.hadoop.fs.Path(file.toUri()), HALF_THEN_FAIL));
        assertTrue(e.getMessage().contains("summary-by-style.csv") && e.getMessage().contains("No space left"),
                e.getMessage());
        assertEquals(OLD, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of("summary-by-style.csv"), names(dir));
        WirecopyJob.writeAtomically(fs, new org.apache.hadoop.fs.Path(file.toUri()),
                out -> out.write("style,articles\nnews,4\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("style,articles\nnews,4\n", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of("summary-by-style.csv"), names(dir), "no temporary or checksum file is left");
    }

    @Test
    void aSummaryThatFailsHalfWayLeavesTheOldFileThroughTheHadoopRename(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary-by-style.csv");
        Files.writeString(file, OLD, StandardCharsets.UTF_8);
        FileSystem fs = FileSystem.getLocal(new Configuration()).getRawFileSystem();
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(file.toUri());
        IOException e = assertThrows(IOException.class, () -> WirecopyJob.writeByRename(fs, target, HALF_THEN_FAIL));
        assertTrue(e.getMessage().contains("summary-by-style.csv") && e.getMessage().contains("No space left"),
                e.getMessage());
        assertEquals(OLD, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of("summary-by-style.csv"), names(dir));
        WirecopyJob.writeByRename(fs, target,
                out -> out.write("style,articles\nnews,4\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("style,articles\nnews,4\n", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of("summary-by-style.csv"), names(dir));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
