package org.wirecopy.distill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.features.StaticVectors;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DistillTest {

    @TempDir
    Path dir;

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Distill());
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), err.toString());
    }

    @Test
    void anOutputThatIsNotARegularFileOrIsTheDataIsRefusedBeforeAnyWork() throws Exception {
        // the corpus does not exist: had the distiller started, the error would be about it
        String missing = dir.resolve("no-such-corpus.jsonl").toString();
        Run r = run("--out", dir.toString(), "--data", missing);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(dir + ": is a directory; give a file path to write"), r.err());
        Path device = Path.of("/dev/null");
        if (Files.exists(device)) {
            r = run("--out", device.toString(), "--data", missing);
            assertTrue(r.err().contains("/dev/null: is not a regular file"), r.err());
        }
        Path data = Files.writeString(dir.resolve("train.jsonl"), "", StandardCharsets.UTF_8);
        r = run("--out", dir.resolve("sub/../train.jsonl").toString(), "--data", data.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("is also an input (" + data + ")"), r.err());
        assertTrue(Files.exists(data) && Files.size(data) == 0);
    }

    @Test
    void theVectorsReplaceTheOutputByARenameNotInPlace() throws Exception {
        Path out = Files.writeString(dir.resolve("vectors.bin"), "old", StandardCharsets.UTF_8);
        Path link = dir.resolve("link.bin");
        try {
            Files.createLink(link, out);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no hard links here: " + e);
        }
        StaticVectors v = StaticVectors.of(List.of("[UNK]", "news", "wire"), new float[]{0f, 1f, 0.5f},
                new float[][]{{0f, 0f}, {1f, 0f}, {0f, 1f}}, "three tokens");
        byte[] written = Distill.write(out, v);
        assertArrayEquals(v.toBytes(), written);
        assertArrayEquals(written, Files.readAllBytes(out));
        // a write in place would show through the other link: a crash midway would leave half a file
        assertArrayEquals("old".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(link),
                "the output was overwritten in place");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "a temporary file was left behind");
        }
    }
}
