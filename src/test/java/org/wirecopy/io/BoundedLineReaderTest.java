package org.wirecopy.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BoundedLineReaderTest {

    @TempDir
    Path dir;

    @Test
    void splitsLinesAsBufferedReaderDoesAtLfCrAndCrlf() throws Exception {
        Random random = new Random(7);
        String[] pieces = {"a", "bc", "é", "\n", "\r", "\r\n", "\n\n", "", "x".repeat(9000), "\uD83D\uDE00"};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) text.append(pieces[random.nextInt(pieces.length)]);
            Path f = Files.writeString(dir.resolve("t.txt"), text, StandardCharsets.UTF_8);
            List<String> expected = new BufferedReader(new StringReader(text.toString())).lines().toList();
            List<String> got = new ArrayList<>();
            try (BoundedLineReader r = BoundedLineReader.open(f, 1 << 20, 1 << 20, "test file", "")) {
                String l;
                while ((l = r.readLine()) != null) {
                    got.add(l);
                    assertEquals(got.size(), r.lineNumber());
                }
            }
            assertEquals(expected, got, text.toString().replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void aLineOverTheLimitNamesFileAndLineBeforeItIsHeldWhole() throws Exception {
        Path f = Files.writeString(dir.resolve("t.txt"), "ok\n" + "x".repeat(10) + "\n" + "y".repeat(11) + "\n",
                StandardCharsets.UTF_8);
        try (BoundedLineReader r = BoundedLineReader.open(f, 1 << 20, 10, "test file", "split it")) {
            assertEquals("ok", r.readLine());
            assertEquals("x".repeat(10), r.readLine());
            LimitExceededException e = assertThrows(LimitExceededException.class, r::readLine);
            assertEquals(f + ":3: line is longer than 10 bytes; split it", e.getMessage());
        }
    }

    @Test
    void bytesAreCountedAsReadNotAsTheFileSystemReportsThem() throws Exception {
        Path f = Files.writeString(dir.resolve("t.txt"), "line\n".repeat(100), StandardCharsets.UTF_8);
        try (BoundedLineReader r = BoundedLineReader.open(f, 500, 100, "test file", "")) {
            int n = 0;
            while (r.readLine() != null) n++;
            assertEquals(100, n);
        }
        try (BoundedLineReader r = BoundedLineReader.open(f, 499, 100, "test file", "give less")) {
            LimitExceededException e = assertThrows(LimitExceededException.class, () -> {
                while (r.readLine() != null) {
                    // read on
                }
            });
            assertEquals(f + ": more than 499 bytes; give less", e.getMessage());
        }
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero");
        try (BoundedLineReader r = BoundedLineReader.open(zero, 1 << 20, 1 << 30, "test file", "")) {
            LimitExceededException e = assertThrows(LimitExceededException.class, r::readLine);
            assertTrue(e.getMessage().startsWith("/dev/zero: more than 1048576 bytes"), e.getMessage());
        }
    }

    @Test
    void malformedUtf8IsReportedNotReplaced() throws Exception {
        Path f = Files.write(dir.resolve("t.txt"), new byte[]{'o', 'k', '\n', 'a', (byte) 0xC3, '(', '\n'});
        try (BoundedLineReader r = BoundedLineReader.open(f, 1 << 20, 100, "test file", "")) {
            assertEquals("ok", r.readLine());
            assertThrows(CharacterCodingException.class, r::readLine);
            assertEquals(2, r.lineNumber());
        }
    }
}
