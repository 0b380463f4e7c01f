package org.wirecopy.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of wirecopy and its runtime, for provenance and {@code inspect}. Thread-safe. */
public final class Versions {

    private static final Properties BUILD = load();

    private Versions() {
    }

    /** This release, from the build; {@code dev} when run from unpackaged classes. */
    public static String wirecopy() {
        return BUILD.getProperty("wirecopy.version", "dev");
    }

    /** The Deeplearning4j version the build uses. */
    public static String dl4j() {
        return BUILD.getProperty("dl4j.version", "unknown");
    }

    public static String java() {
        return System.getProperty("java.version", "unknown");
    }

    public static String os() {
        return System.getProperty("os.name", "?") + " " + System.getProperty("os.arch", "?");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/org/wirecopy/build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // versions stay "unknown"
        }
        return p;
    }
}
