package org.wirecopy.features;

import org.junit.jupiter.api.Test;
import org.wirecopy.golden.GoldenArticles;
import org.wirecopy.text.Article;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The feature code's version ({@link FeatureConfig#CURRENT_VERSION}, written into every model's manifest) must change
 * whenever the features change: the SHA-256 of the feature vectors of fixed articles is recorded per version in
 * {@code src/test/resources/org/wirecopy/features/fingerprints.properties}. A model trained with one feature version
 * and read with other feature code gives wrong labels silently; this test makes that a build failure.
 */
class FeatureFingerprintTest {

    static String fingerprint() throws Exception {
        return fingerprint(FeatureConfig.CURRENT_VERSION);
    }

    /** The fingerprint of feature version {@code version} (v3 with the project's shipped vectors). */
    static String fingerprint(String version) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        StaticVectors vectors = FeatureConfig.defaults().withVersion(version).vectorDims() == 0 ? null
                : StaticVectors.read(java.nio.file.Files.readAllBytes(
                org.wirecopy.TestData.root().resolve("training-data/minilm-vectors.bin")));
        for (FeatureConfig config : List.of(FeatureConfig.defaults().withVersion(version),
                FeatureConfig.defaults().withHashBits(10).withVersion(version))) {
            FeatureExtractor fx = new FeatureExtractor(config, vectors);
            for (int n : GoldenArticles.LENGTHS) {
                for (var article : List.of(GoldenArticles.paragraphs(n),
                        Article.ofParagraphs(GoldenArticles.texts(n)).paragraphs())) {
                    for (SparseVector v : fx.extract(article)) {
                        ByteBuffer b = ByteBuffer.allocate(8 + 8 * v.size());
                        b.putInt(v.dimension()).putInt(v.size());
                        for (int k = 0; k < v.size(); k++) b.putInt(v.indexAt(k)).putFloat(v.valueAt(k));
                        md.update(b.array());
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Every feature version this release reads computes the features it computed when its line was recorded. */
    @Test
    void everySupportedFeatureVersionComputesWhatWasRecorded() throws Exception {
        Properties recorded = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/wirecopy/features/fingerprints.properties")) {
            recorded.load(in);
        }
        for (String v : List.of(FeatureConfig.V1, FeatureConfig.V2, FeatureConfig.V3, FeatureConfig.V4)) {
            String actual = fingerprint(v);
            assertNotNull(recorded.getProperty(v), "add the line " + v + "=" + actual + " to fingerprints.properties");
            assertEquals(recorded.getProperty(v), actual, "the features of " + v + " changed: models trained with it "
                    + "would read other inputs; give the new features a new version instead");
        }
    }

    @Test
    void featuresAreThoseRecordedForTheCurrentFeatureVersion() throws Exception {
        Properties recorded = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/wirecopy/features/fingerprints.properties")) {
            assertNotNull(in, "fingerprints.properties is missing");
            recorded.load(in);
        }
        String actual = fingerprint();
        String expected = recorded.getProperty(FeatureConfig.CURRENT_VERSION);
        assertNotNull(expected, "no fingerprint recorded for feature version " + FeatureConfig.CURRENT_VERSION
                + "; add the line " + FeatureConfig.CURRENT_VERSION + "=" + actual + " to fingerprints.properties");
        assertEquals(expected, actual, "the features changed but FeatureConfig.CURRENT_VERSION is still "
                + FeatureConfig.CURRENT_VERSION + ": give the new features a new version, record its fingerprint ("
                + actual + ") in fingerprints.properties, retrain the bundled model, and keep models of the old "
                + "version loadable or refused with a clear message");
    }
}
