package org.wirecopy.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
        assertTrue(e.getMessage().contains("not a wirecopy model"), e.getMessage());
    }

    @Test
    void newerFormatVersionIsRejectedWithUpgradeAdvice() throws Exception {
        byte[] changed = rewrite(ModelIO.toBytes(TestData.tinyModel()), "manifest.json",
                s -> s.replace("\"formatVersion\" : 2", "\"formatVersion\" : 5"));
        Path f = dir.resolve("future.zip");
        Files.write(f, changed);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(f));
        assertTrue(e.getMessage().contains("format version 5 is newer") && e.getMessage().contains("upgrade"),
                e.getMessage());
    }

    @Test
    void aSeedEnsembleIsFormatThreeAndMustDeclareItsMembers() throws Exception {
        Model one = TestData.tinyModel();
        Model two = new Model(one.labels(), one.features(), one.network(),
                org.wirecopy.network.NetworkWeights.ensemble(List.of(one.weights(), one.weights())),
                one.dl4jConfiguration(), one.provenance(), one.vectors());
        String single = manifestOf(ModelIO.toBytes(one));
        assertTrue(single.contains("\"formatVersion\" : 2") && !single.contains("members"), single);
        byte[] bytes = ModelIO.toBytes(two);
        String manifest = manifestOf(bytes);
        assertTrue(manifest.contains("\"formatVersion\" : 3") && manifest.contains("\"members\" : 2"), manifest);
        Path f = dir.resolve("two.zip");
        Files.write(f, bytes);
        assertEquals(2, ModelIO.load(f).weights().members());
        // a manifest that hides the second network (as an older release would read it) is refused
        Files.write(f, rewrite(bytes, "manifest.json", s -> s.replace("\"members\" : 2", "\"members\" : 1")));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(f));
        assertTrue(e.getMessage().contains("2 network(s)"), e.getMessage());
        Files.write(f, rewrite(bytes, "manifest.json", s -> s.replace("\"formatVersion\" : 3", "\"formatVersion\" : 2")));
        e = assertThrows(ModelFormatException.class, () -> ModelIO.load(f));
        assertTrue(e.getMessage().contains("format version 2"), e.getMessage());
    }

    private static String manifestOf(byte[] zipBytes) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zipBytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals(ModelIO.MANIFEST)) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no manifest");
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
    void weightsChangedWithoutTheirChecksumAreRejectedAheadOfAnyLaterError() throws Exception {
        // the weights are hashed on another thread while the rest is read: the result must be as if in turn
        java.util.LinkedHashMap<String, byte[]> entries = entries(ModelIO.toBytes(TestData.tinyModel()));
        byte[] weights = entries.get(ModelIO.WEIGHTS);
        String expected = "checksum mismatch in " + ModelIO.WEIGHTS;
        // one value changed and still finite: only the checksum can tell
        byte[] changed = weights.clone();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(changed).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putFloat(changed.length - 4, b.getFloat(changed.length - 4) + 1f);
        // cut short: reported as a corrupt entry, not as weights that do not parse
        byte[] cut = Arrays.copyOf(weights, weights.length - 5);
        for (byte[] bad : List.of(changed, cut)) {
            java.util.LinkedHashMap<String, byte[]> e = new java.util.LinkedHashMap<>(entries);
            e.put(ModelIO.WEIGHTS, bad);
            byte[] zip = zip(e.keySet().toArray(new String[0]), e.values().toArray(new byte[0][]));
            ModelFormatException x = assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(zip, "w.zip"));
            assertTrue(x.getMessage().contains(expected), x.getMessage());
            // an entry the manifest does not list is checked after the checksums: the weights are still named
            e.put(ModelIO.VECTORS, new byte[]{1, 2, 3});
            byte[] extra = zip(e.keySet().toArray(new String[0]), e.values().toArray(new byte[0][]));
            x = assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(extra, "w.zip"));
            assertTrue(x.getMessage().contains(expected), x.getMessage());
        }
        // an interrupted loader waits for the check, and keeps its interrupt
        Thread.currentThread().interrupt();
        try {
            assertEquals(TestData.tinyModel().weights().tensors(),
                    ModelIO.fromBytes(ModelIO.toBytes(TestData.tinyModel()), "ok.zip").weights().tensors());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
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

    @Test
    void manifestEditedWithoutItsChecksumIsRejected() throws Exception {
        // swapping two labels would swap every REPORTING and COMMENTARY result
        byte[] swapped = rewriteStale(ModelIO.toBytes(TestData.tinyModel()), "manifest.json",
                s -> s.replace("\"REPORTING\"", "\"@@\"").replace("\"COMMENTARY\"", "\"REPORTING\"")
                        .replace("\"@@\"", "\"COMMENTARY\""));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(swapped, "sw.zip"));
        assertTrue(e.getMessage().contains("checksum mismatch in manifest.json"), e.getMessage());
        byte[] noSum = drop(ModelIO.toBytes(TestData.tinyModel()), "manifest.sha256");
        e = assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(noSum, "nosum.zip"));
        assertTrue(e.getMessage().contains("manifest.sha256 is missing"), e.getMessage());
    }

    @Test
    void nonFiniteWeightsInAFileAreRejected() throws Exception {
        Model m = TestData.tinyModel();
        byte[] weights = m.weights().toBytes();
        // the last 4 bytes are the last value of the last tensor: make it NaN, and fix the checksums so only the
        // value is wrong
        java.nio.ByteBuffer.wrap(weights).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(weights.length - 4, Float.NaN);
        java.util.LinkedHashMap<String, byte[]> entries = entries(ModelIO.toBytes(m));
        entries.put(ModelIO.WEIGHTS, weights);
        String manifest = new String(entries.get(ModelIO.MANIFEST), StandardCharsets.UTF_8)
                .replace(ModelIO.sha256(m.weights().toBytes()), ModelIO.sha256(weights));
        entries.put(ModelIO.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
        entries.put(ModelIO.MANIFEST_SHA, ModelIO.sha256(entries.get(ModelIO.MANIFEST)).getBytes(StandardCharsets.US_ASCII));
        byte[] bad = zip(entries.keySet().toArray(new String[0]), entries.values().toArray(new byte[0][]));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(bad, "nan.zip"));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("finite"), e.getMessage());
    }

    @Test
    void anEntryThatInflatesPastItsLimitIsRejectedWhateverItsHeadersSay() throws Exception {
        // 64 MiB of zero bytes as the manifest (limit 1 MiB), deflated to ~64 KiB
        byte[] bomb = zip(new String[]{"manifest.json"}, new byte[][]{new byte[64 << 20]});
        // both the data descriptor and the central directory claim 10 bytes, consistently
        for (int i = 0; i + 28 <= bomb.length; i++) {
            if (bomb[i] == 'P' && bomb[i + 1] == 'K' && bomb[i + 2] == 7 && bomb[i + 3] == 8) {
                java.nio.ByteBuffer.wrap(bomb).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(i + 12, 10);
            }
            if (bomb[i] == 'P' && bomb[i + 1] == 'K' && bomb[i + 2] == 1 && bomb[i + 3] == 2) {
                java.nio.ByteBuffer.wrap(bomb).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(i + 24, 10);
            }
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(bomb, "bomb.zip"));
        assertTrue(e.getMessage().contains("inflates to more than 1048576 bytes"), e.getMessage());
        Path f = dir.resolve("bomb.zip");
        Files.write(f, bomb);
        e = assertThrows(ModelFormatException.class, () -> ModelIO.load(f));
        assertTrue(e.getMessage().contains("inflates to more than"), e.getMessage());
    }

    @Test
    void unknownAndRepeatedEntriesAreRejectedBeforeInflation() throws Exception {
        java.util.LinkedHashMap<String, byte[]> entries = entries(ModelIO.toBytes(TestData.tinyModel()));
        entries.put("extra/huge.bin", new byte[1000]);
        byte[] extra = zip(entries.keySet().toArray(new String[0]), entries.values().toArray(new byte[0][]));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(extra, "x.zip"));
        assertTrue(e.getMessage().contains("entry extra/huge.bin is not part of one"), e.getMessage());
    }

    @Test
    void nullStreamDirectoryAndFifoGiveMessagesThatSayWhat() throws Exception {
        java.io.FileNotFoundException nf = assertThrows(java.io.FileNotFoundException.class,
                () -> ModelIO.load((java.io.InputStream) null, "/no/such/resource.zip"));
        assertTrue(nf.getMessage().contains("/no/such/resource.zip") && nf.getMessage().contains("class path"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        Path fifo = dir.resolve("fifo");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        e = assertThrows(ModelFormatException.class, () -> ModelIO.load(fifo));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        IOException save = assertThrows(IOException.class, () -> ModelIO.save(TestData.tinyModel(), fifo));
        assertTrue(save.getMessage().contains("not a regular file"), save.getMessage());
    }

    static java.util.LinkedHashMap<String, byte[]> entries(byte[] zipBytes) throws Exception {
        java.util.LinkedHashMap<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zipBytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }

    static byte[] drop(byte[] zipBytes, String entry) throws Exception {
        java.util.LinkedHashMap<String, byte[]> entries = entries(zipBytes);
        entries.remove(entry);
        return zip(entries.keySet().toArray(new String[0]), entries.values().toArray(new byte[0][]));
    }

    /**
     * Rewrites one entry's text and, for entries other than the manifest, leaves the manifest's checksum stale; an
     * edited manifest gets a matching manifest.sha256 (a deliberate edit), see {@link #rewriteStale}.
     */
    static byte[] rewrite(byte[] zipBytes, String entry, java.util.function.UnaryOperator<String> edit)
            throws Exception {
        return rewrite(zipBytes, entry, edit, true);
    }

    /** Rewrites one entry's text and leaves every checksum as it was. */
    static byte[] rewriteStale(byte[] zipBytes, String entry, java.util.function.UnaryOperator<String> edit)
            throws Exception {
        return rewrite(zipBytes, entry, edit, false);
    }

    static byte[] rewrite(byte[] zipBytes, String entry, java.util.function.UnaryOperator<String> edit,
                          boolean fixManifestSum) throws Exception {
        java.util.LinkedHashMap<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zipBytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) entries.put(e.getName(), in.readAllBytes());
        }
        String before = new String(entries.get(entry), StandardCharsets.UTF_8);
        String after = edit.apply(before);
        if (before.equals(after)) throw new IllegalStateException("edit changed nothing in " + entry + ":\n" + before);
        entries.put(entry, after.getBytes(StandardCharsets.UTF_8));
        if (fixManifestSum && entry.equals(ModelIO.MANIFEST) && entries.containsKey(ModelIO.MANIFEST_SHA)) {
            entries.put(ModelIO.MANIFEST_SHA, ModelIO.sha256(entries.get(entry)).getBytes(StandardCharsets.US_ASCII));
        }
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
