package org.wirecopy.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelIOTest {

    @TempDir
    Path dir;

    static final List<String> SAMPLE = List.of("Budget vote delayed again", "From the AP:",
            "WASHINGTON (AP) - The House delayed a vote on Tuesday.", "What a mess.", "Advertisement");

    @Test
    void saveAndLoadGiveIdenticalScoresAndBytes() throws Exception {
        Model m = TestData.tinyModel();
        Path f = dir.resolve("m.zip");
        ModelIO.save(m, f);
        Model back = ModelIO.load(f);
        assertEquals(m.labels(), back.labels());
        assertEquals(m.features(), back.features());
        assertEquals(m.network(), back.network());
        assertEquals(m.provenance(), back.provenance());
        float[][] a = new Classifier(m).scores(org.wirecopy.text.Article.ofParagraphs(SAMPLE).paragraphs());
        float[][] b = new Classifier(back).scores(org.wirecopy.text.Article.ofParagraphs(SAMPLE).paragraphs());
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i], 0f);
        assertArrayEquals(Files.readAllBytes(f), ModelIO.toBytes(back), "re-saving gives the same bytes");
        try (var in = Files.newInputStream(f)) {
            Model viaStream = ModelIO.load(in, "stream");
            assertEquals(m.weights().tensors(), viaStream.weights().tensors());
        }
    }

    @Test
    void fileThatIsNotAZipIsRejected() throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "just some text, not a model");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(f));
        assertTrue(e.getMessage().contains("not a wirecopy model"), e.getMessage());
    }

    @Test
    void zipWithoutManifestIsRejected() throws Exception {
        Path f = dir.resolve("other.zip");
        Files.write(f, zip(new String[]{"readme.txt"}, new byte[][]{"hello".getBytes()}));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(f));
        assertTrue(e.getMessage().contains("not a wirecopy model: it has no manifest.json"), e.getMessage());
    }

    @Test
    void newerFormatVersionIsRejectedWithUpgradeAdvice() throws Exception {
        byte[] changed = rewrite(ModelIO.toBytes(TestData.tinyModel()), "manifest.json",
                s -> s.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        Path f = dir.resolve("future.zip");
        Files.write(f, changed);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(f));
        assertTrue(e.getMessage().contains("format version 2 is newer") && e.getMessage().contains("upgrade"),
                e.getMessage());
    }

    @Test
    void checksumMismatchIsRejected() throws Exception {
        byte[] changed = rewrite(ModelIO.toBytes(TestData.tinyModel()), "provenance.json",
                s -> s.replace("\"seed\" : 7", "\"seed\" : 8"));
        Path f = dir.resolve("tampered.zip");
        Files.write(f, changed);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(f));
        assertTrue(e.getMessage().contains("checksum mismatch in provenance.json"), e.getMessage());
    }

    @Test
    void truncatedFileIsRejectedAtEveryCut() throws Exception {
        byte[] full = ModelIO.toBytes(TestData.tinyModel());
        for (int cut : new int[]{0, 10, full.length / 3, full.length / 2, full.length - 30, full.length - 1}) {
            Path f = dir.resolve("cut" + cut + ".zip");
            Files.write(f, Arrays.copyOf(full, cut));
            assertThrows(ModelFormatException.class, () -> ModelIO.load(f), "cut at " + cut);
            assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(Arrays.copyOf(full, cut), "bytes"),
                    "stream cut at " + cut);
        }
    }

    @Test
    void weightsThatDoNotFitTheConfigurationAreRejected() throws Exception {
        byte[] changed = rewrite(ModelIO.toBytes(TestData.tinyModel()), "manifest.json",
                s -> s.replace("\"hidden\" : 12", "\"hidden\" : 13"));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelIO.fromBytes(changed, "odd.zip"));
        assertTrue(e.getMessage().contains("do not make a valid model"), e.getMessage());
    }

    /** Rewrites one entry's text and, for entries other than the manifest, leaves the manifest's checksum stale. */
    static byte[] rewrite(byte[] zipBytes, String entry, java.util.function.UnaryOperator<String> edit)
            throws Exception {
        java.util.LinkedHashMap<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zipBytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) entries.put(e.getName(), in.readAllBytes());
        }
        String before = new String(entries.get(entry), StandardCharsets.UTF_8);
        String after = edit.apply(before);
        if (before.equals(after)) throw new IllegalStateException("edit changed nothing in " + entry + ":\n" + before);
        entries.put(entry, after.getBytes(StandardCharsets.UTF_8));
        return zip(entries.keySet().toArray(new String[0]), entries.values().toArray(new byte[0][]));
    }

    static byte[] zip(String[] names, byte[][] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                z.putNextEntry(new ZipEntry(names[i]));
                z.write(data[i]);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
