package org.wirecopy.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.features.StaticVectors;
import org.wirecopy.io.SafeFiles;
import org.wirecopy.network.Architecture;
import org.wirecopy.network.Ensemble;
import org.wirecopy.network.NetworkConfig;
import org.wirecopy.network.NetworkWeights;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Saves and loads models as versioned zip files. No Java serialisation and no class names are read: the manifest and
 * provenance are plain JSON read field by field, the weights are {@link NetworkWeights}' own binary form, and the
 * network is rebuilt from the {@link NetworkConfig} in the manifest.
 *
 * <p>Entries: {@code manifest.json} (format name and version, labels, feature and network configuration, input size,
 * parameter count, SHA-256 of every other entry; from format version 3 the number of networks of a seed ensemble;
 * from format version 4 the {@link DecisionBiases} of a model trained with {@code --fit-thresholds}, as
 * {@code "decision": {"biases": {label: bias, ...}}}),
 * {@code manifest.sha256} (the SHA-256 of {@code manifest.json}, from format version 2), {@code provenance.json},
 * {@code network/weights.bin} (every member's tensors, see {@link NetworkWeights#members()}),
 * {@code network/dl4j-configuration.json} (the shape every member shares).
 * Entry times are fixed, so equal models give equal bytes.
 *
 * <p>Loading is bounded whatever the zip's headers say: each entry is inflated to at most its own limit (1 MiB for
 * the manifest, 16 MiB for provenance and the DL4J configuration, {@value #MAX_MODEL_BYTES} bytes for the weights),
 * unknown or repeated entries are refused before they are inflated, and every entry, the manifest included, must
 * match its checksum. Weights must be finite. Format version 1 files (no manifest checksum) still load.
 *
 * <p>Stateless and thread-safe.
 */
public final class ModelIO {

    /** Format name in every manifest. */
    public static final String FORMAT = "wirecopy-model";
    /**
     * The newest format version this release reads, and the one it writes for a model with decision biases
     * ({@link Model#decision()}), which earlier releases must refuse rather than label by the highest score.
     */
    public static final int FORMAT_VERSION = 4;
    /** The format version written for a seed ensemble (several networks in one file) without decision biases. */
    public static final int ENSEMBLE_VERSION = 3;
    /** The format version written for a model of one network without decision biases. */
    public static final int SINGLE_NETWORK_VERSION = 2;

    static final String MANIFEST = "manifest.json";
    static final String PROVENANCE = "provenance.json";
    static final String WEIGHTS = "network/weights.bin";
    static final String DL4J_CONF = "network/dl4j-configuration.json";
    static final String MANIFEST_SHA = "manifest.sha256";
    static final String VECTORS = "features/vectors.bin";
    /** Limit on a model file's size and on the inflated size of its weights. */
    public static final int MAX_MODEL_BYTES = 512 * 1024 * 1024;
    private static final Map<String, Integer> ENTRY_LIMITS = Map.of(
            MANIFEST, 1 << 20, MANIFEST_SHA, 1 << 10, PROVENANCE, 16 << 20, DL4J_CONF, 16 << 20,
            WEIGHTS, MAX_MODEL_BYTES, VECTORS, StaticVectors.MAX_BYTES);
    private static final long ENTRY_TIME = 315532800000L; // 1980-01-01, the zip epoch

    /** Writes the JSON entries; loading reads them with {@link ModelJson}, without jackson-databind. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    private ModelIO() {
    }

    /**
     * Writes {@code model} to {@code file} atomically: through a temporary file beside it, forced to disk and renamed
     * into place ({@link SafeFiles#writeAtomically(Path, byte[])}), so that a failure leaves the old file whole.
     *
     * @param model the model; not null
     * @param file  the model file to create or replace; missing parent directories are created
     * @throws IOException when {@code file} is a directory, FIFO or device, or cannot be written, naming it
     */
    public static void save(Model model, Path file) throws IOException {
        Objects.requireNonNull(model, "model");
        SafeFiles.writeAtomically(file, toBytes(model));
    }

    /**
     * The model file's bytes: what {@link #save} writes.
     *
     * @param model the model; not null
     * @return a zip with the manifest, its checksum and every entry
     */
    public static byte[] toBytes(Model model) {
        ObjectMapper json = Json.MAPPER;
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try {
            entries.put(PROVENANCE, json.writeValueAsBytes(model.provenance()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write provenance", e);
        }
        entries.put(WEIGHTS, model.weights().toBytes());
        entries.put(DL4J_CONF, model.dl4jConfiguration().getBytes(StandardCharsets.UTF_8));
        if (model.vectors() != null) entries.put(VECTORS, model.vectors().toBytes());
        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", FORMAT);
        int members = model.weights().members();
        boolean decided = !model.decision().isNone();
        manifest.put("formatVersion", decided ? FORMAT_VERSION : members > 1 ? ENSEMBLE_VERSION
                : SINGLE_NETWORK_VERSION);
        manifest.putPOJO("labels", model.labels());
        manifest.putPOJO("features", model.features());
        ObjectNode net = manifest.putObject("network");
        net.put("architecture", model.network().architecture().id());
        net.put("hidden", model.network().hidden());
        net.put("recurrent", model.network().recurrent());
        net.put("inputDropout", model.network().inputDropout());
        net.put("dropout", model.network().dropout());
        manifest.put("inputSize", model.features().inputSize());
        manifest.put("parameters", model.weights().parameterCount());
        if (members > 1) manifest.put("members", members);
        if (decided) {
            ObjectNode biases = manifest.putObject("decision").putObject("biases");
            for (int j = 0; j < model.labels().size(); j++) {
                biases.put(model.labels().get(j), model.decision().biases().get(j));
            }
        }
        ObjectNode sums = manifest.putObject("sha256");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) sums.put(e.getKey(), sha256(e.getValue()));
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
                byte[] manifestBytes = json.writeValueAsBytes(manifest);
                put(zip, MANIFEST, manifestBytes);
                put(zip, MANIFEST_SHA, (sha256(manifestBytes) + "\n").getBytes(StandardCharsets.US_ASCII));
                for (Map.Entry<String, byte[]> e : entries.entrySet()) put(zip, e.getKey(), e.getValue());
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: in-memory zip", e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /**
     * Loads a model file.
     *
     * @param file the model file
     * @return the model it holds
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws ModelFormatException when the path is not a regular file or not a valid model
     */
    public static Model load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new ModelFormatException(file + " is a directory, not a model file; give the path of a .zip model");
        }
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such model file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file + " is not a regular file (a FIFO, device or socket); "
                    + "give the path of a .zip model file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    /**
     * Loads a model from a stream (e.g. a classpath resource); the stream is read to its end (at most
     * {@value #MAX_MODEL_BYTES} bytes) and not closed.
     *
     * @param in   the model file's bytes; null (what {@code getResourceAsStream} gives for a missing resource) is
     *             refused with a {@link java.io.FileNotFoundException} naming {@code name}
     * @param name names the source in error messages
     * @return the model the bytes hold
     * @throws IOException when the stream is null (a {@link java.io.FileNotFoundException}) or cannot be read
     * @throws ModelFormatException when the bytes are not a valid model: too large, not a complete zip, an unknown,
     *                              repeated or oversized entry, a checksum that does not match, a newer format
     */
    public static Model load(InputStream in, String name) throws IOException {
        if (in == null) {
            throw new java.io.FileNotFoundException(name + ": no model stream (null, as getResourceAsStream gives for a "
                    + "resource that is not on the class path); check the resource name");
        }
        byte[] bytes = in.readNBytes(MAX_MODEL_BYTES + 1);
        if (bytes.length > MAX_MODEL_BYTES) {
            throw new ModelFormatException(name + " is larger than " + MAX_MODEL_BYTES + " bytes: not a wirecopy model");
        }
        if (!hasEndOfCentralDirectory(bytes)) {
            throw new ModelFormatException(name + " is not a wirecopy model, or not a complete one: no zip end record"
                    + " (the file is truncated or not a zip); copy or download the model again");
        }
        ModelZipLayout.check(bytes, name);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory()) continue;
                Integer limit = ENTRY_LIMITS.get(e.getName());
                if (limit == null) {
                    throw new ModelFormatException(name + " is not a wirecopy model: entry " + e.getName()
                            + " is not part of one (the file was edited, or is another kind of zip)");
                }
                if (entries.containsKey(e.getName())) {
                    throw new ModelFormatException(name + ": entry " + e.getName() + " appears twice; the file was "
                            + "edited or is corrupt, copy or download the model again");
                }
                // bounded whatever the entry's header says its size is
                byte[] data = zip.readNBytes(limit + 1);
                if (data.length > limit) {
                    throw new ModelFormatException(name + ": entry " + e.getName() + " inflates to more than "
                            + limit + " bytes, more than a wirecopy model holds; the file is not a model");
                }
                total += data.length;
                if (total > MAX_MODEL_BYTES + (64L << 20)) {
                    throw new ModelFormatException(name + ": inflates to more than " + total
                            + " bytes, more than a wirecopy model holds; the file is not a model");
                }
                entries.put(e.getName(), data);
            }
        } catch (ZipException | java.io.EOFException | IllegalArgumentException e) {
            throw new ModelFormatException(name + " is not a complete wirecopy model (" + e.getMessage()
                    + "); it may be truncated or of another kind", e);
        }
        return fromEntries(entries, name);
    }

    /** Looks for the zip end-of-central-directory signature in the last 64 KiB + 22 bytes. */
    private static boolean hasEndOfCentralDirectory(byte[] b) {
        for (int i = b.length - 22; i >= 0 && i >= b.length - 65557; i--) {
            if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x05 && b[i + 3] == 0x06) return true;
        }
        return false;
    }

    /**
     * Loads a model from its bytes.
     *
     * @param bytes the model file's bytes
     * @param name  names the source in error messages
     * @return the model the bytes hold
     * @throws IOException when the bytes are not a valid model ({@link ModelFormatException})
     */
    public static Model fromBytes(byte[] bytes, String name) throws IOException {
        return load(new ByteArrayInputStream(bytes), name);
    }

    private static Model fromEntries(Map<String, byte[]> entries, String name) throws ModelFormatException {
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            throw new ModelFormatException(name + " is not a wirecopy model: it has no " + MANIFEST
                    + (entries.isEmpty() ? " (the file is empty, not a zip, or truncated)" : ""));
        }
        Object m;
        try {
            m = ModelJson.parse(manifestBytes);
        } catch (IOException e) {
            throw new ModelFormatException(name + ": " + MANIFEST + " is not valid JSON: " + e.getMessage(), e);
        }
        String format = ModelJson.text(ModelJson.get(m, "format"));
        if (!FORMAT.equals(format)) {
            throw new ModelFormatException(name + " is not a wirecopy model: manifest format is '"
                    + format + "', expected '" + FORMAT + "'");
        }
        int version = ModelJson.asInt(ModelJson.get(m, "formatVersion"), -1);
        if (version > FORMAT_VERSION) {
            throw new ModelFormatException(name + ": model format version " + version
                    + " is newer than this release reads (" + FORMAT_VERSION + "); upgrade wirecopy to load it");
        }
        if (version < 1) throw new ModelFormatException(name + ": bad model format version " + version);
        byte[] manifestSum = entries.get(MANIFEST_SHA);
        if (manifestSum == null && version >= 2) {
            throw new ModelFormatException(name + ": entry " + MANIFEST_SHA + " is missing; the file is truncated or "
                    + "was edited; copy or download the model again");
        }
        if (manifestSum != null) {
            String expected = new String(manifestSum, StandardCharsets.US_ASCII).strip();
            String actual = sha256(manifestBytes);
            if (!actual.equals(expected)) {
                throw new ModelFormatException(name + ": checksum mismatch in " + MANIFEST + " (SHA-256 " + actual
                        + ", " + MANIFEST_SHA + " says " + expected + "); the file is corrupt or was edited, "
                        + "copy or download it again");
            }
        }
        if (!(ModelJson.get(m, "sha256") instanceof Map<?, ?> sums) || sums.isEmpty()) {
            throw new ModelFormatException(name + ": manifest lists no checksums");
        }
        for (String entry : List.of(PROVENANCE, WEIGHTS, DL4J_CONF)) {
            if (!sums.containsKey(entry)) {
                throw new ModelFormatException(name + ": manifest has no checksum for " + entry);
            }
        }
        // the weights, by far the largest entry, are hashed on another thread while the rest is read and checked;
        // a mismatch in them is reported where it was when they were hashed in turn: before any later error
        BackgroundDigest weightsSum = null;
        String weightsExpected = null;
        boolean weightsChecked = false;
        try {
            for (Map.Entry<?, ?> sum : sums.entrySet()) {
                String entry = (String) sum.getKey();
                byte[] data = entries.get(entry);
                if (data == null) {
                    throw new ModelFormatException(name + ": entry " + entry + " is missing; the file is truncated or "
                            + "was edited; copy or download the model again");
                }
                String expected = ModelJson.text(sum.getValue());
                if (entry.equals(WEIGHTS)) {
                    weightsSum = BackgroundDigest.start(data);
                    weightsExpected = expected;
                } else {
                    checkSum(name, entry, sha256(data), expected);
                }
            }
            for (String entry : entries.keySet()) {
                if (!entry.equals(MANIFEST) && !entry.equals(MANIFEST_SHA) && !sums.containsKey(entry)) {
                    throw new ModelFormatException(name + ": entry " + entry + " is not listed in the manifest");
                }
            }
            Model model = model(m, version, entries, name);
            weightsChecked = true;
            if (weightsSum != null) checkSum(name, WEIGHTS, weightsSum.hex(), weightsExpected);
            return model;
        } catch (ModelFormatException | RuntimeException e) {
            if (weightsSum != null && !weightsChecked) checkSum(name, WEIGHTS, weightsSum.hex(), weightsExpected);
            throw e;
        }
    }

    private static void checkSum(String name, String entry, String actual, String expected)
            throws ModelFormatException {
        if (!actual.equals(expected)) {
            throw new ModelFormatException(name + ": checksum mismatch in " + entry + " (SHA-256 " + actual
                    + ", manifest says " + expected + "); the file is corrupt, copy or download it again");
        }
    }

    /** The model the checked entries hold. */
    private static Model model(Object m, int version, Map<String, byte[]> entries, String name)
            throws ModelFormatException {
        try {
            List<String> labels = new ArrayList<>();
            Object labelArray = ModelJson.get(m, "labels");
            if (labelArray != null && !(labelArray instanceof List)) {
                throw new IllegalArgumentException("labels must be a JSON array, got " + ModelJson.text(labelArray));
            }
            if (labelArray != null) for (Object l : (List<?>) labelArray) labels.add(ModelJson.text(l));
            FeatureConfig features = ModelJson.features(ModelJson.get(m, "features"));
            Object n = ModelJson.get(m, "network");
            NetworkConfig network = new NetworkConfig(
                    Architecture.fromId(ModelJson.text(ModelJson.get(n, "architecture"))),
                    ModelJson.asInt(ModelJson.get(n, "hidden"), 0), ModelJson.asInt(ModelJson.get(n, "recurrent"), 0),
                    ModelJson.asDouble(ModelJson.get(n, "inputDropout")),
                    ModelJson.asDouble(ModelJson.get(n, "dropout")));
            NetworkWeights weights = NetworkWeights.fromBytes(entries.get(WEIGHTS), name + "!" + WEIGHTS);
            int members = weights.members();
            int declared = ModelJson.asInt(ModelJson.get(m, "members"), 1);
            if (members != declared || (members > 1 && version < 3)) {
                throw new ModelFormatException(name + ": the weights hold " + members + " network(s), the manifest "
                        + "(format version " + version + ") declares " + declared
                        + "; the file was edited or is corrupt, copy or download it again");
            }
            Provenance provenance = ModelJson.provenance(ModelJson.parse(entries.get(PROVENANCE)));
            StaticVectors vectors = null;
            if (features.vectorDims() > 0) {
                byte[] v = entries.get(VECTORS);
                if (v == null) {
                    throw new ModelFormatException(name + ": features " + features.version() + " need " + VECTORS
                            + ", which the file lacks; the file is truncated or was edited");
                }
                vectors = StaticVectors.read(v);
            }
            DecisionBiases decision = decision(ModelJson.get(m, "decision"), labels, version, name);
            Model model = new Model(labels, features, network, weights,
                    new String(entries.get(DL4J_CONF), StandardCharsets.UTF_8), provenance, vectors, decision);
            // every tensor's shape against the configuration, as building the forward pass (Classifier) checks it
            Ensemble.check(network, weights, features.inputSize(), labels.size());
            return model;
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(name + ": the manifest and the weights do not make a valid model: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The manifest's {@code decision}: absent (before format version 4, and in version 4 files without one) is
     * {@link DecisionBiases#NONE}; present, it must give a finite bias for every label and no other key.
     */
    private static DecisionBiases decision(Object d, List<String> labels, int version, String name)
            throws ModelFormatException {
        if (d == null) return DecisionBiases.NONE;
        if (version < FORMAT_VERSION) {
            throw new ModelFormatException(name + ": the manifest (format version " + version + ") has a 'decision', "
                    + "which format version " + FORMAT_VERSION + " introduced; the file was edited or is corrupt");
        }
        if (!(d instanceof Map<?, ?> dm) || !(dm.get("biases") instanceof Map<?, ?> bm) || dm.size() != 1) {
            throw new ModelFormatException(name + ": the manifest's 'decision' must be {\"biases\": {label: number}}");
        }
        if (!bm.keySet().equals(new java.util.HashSet<>(labels))) {
            throw new ModelFormatException(name + ": the manifest's decision biases are for " + bm.keySet()
                    + ", the model's labels are " + labels + "; the file was edited or is corrupt");
        }
        double[] b = new double[labels.size()];
        for (int j = 0; j < b.length; j++) {
            if (!(bm.get(labels.get(j)) instanceof Number n)) {
                throw new ModelFormatException(name + ": the manifest's decision bias of " + labels.get(j)
                        + " is not a number: " + ModelJson.text(bm.get(labels.get(j))));
            }
            b[j] = n.doubleValue();
        }
        try {
            return DecisionBiases.of(b);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(name + ": " + e.getMessage() + "; the file was edited or is corrupt", e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
