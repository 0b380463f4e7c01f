package org.wirecopy.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of wirecopy and its runtime, for provenance and {@code inspect}. Thread-safe. */
public final class Versions {

    private static final Properties BUILD = load();

    private Versions() {
    }

    /** {@return this release, from the build; {@code dev} when run from unpackaged classes} */
    public static String wirecopy() {
        return BUILD.getProperty("wirecopy.version", "dev");
    }

    /** {@return the Deeplearning4j version the build uses, or {@code unknown}} */
    public static String dl4j() {
        return BUILD.getProperty("dl4j.version", "unknown");
    }

    /** {@return the running Java version ({@code java.version}), or {@code unknown}} */
    public static String java() {
        return System.getProperty("java.version", "unknown");
    }

    /** {@return the running operating system and architecture, e.g. {@code Linux amd64}} */
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
