package org.wirecopy.classify;

import java.util.Locale;

/**
 * The three standard labels of the bundled model. Models trained on other data may have other labels, which stay
 * strings ({@link Classifier#labels()}); {@link #id()} is the string a model and every output uses.
 *
 * <p>Immutable and thread-safe.
 */
public enum Label {
    /** Copy from a news agency or newspaper that was pasted in. */
    REPORTING,
    /** The writer's own words. */
    COMMENTARY,
    /** Site furniture: advertisements, share prompts, credits, tags. */
    BOILERPLATE;

    /** {@return the label's name in models and outputs, e.g. {@code "REPORTING"}} */
    public String id() {
        return name();
    }

    /**
     * The standard label named {@code id} (case-insensitive, surrounding whitespace ignored).
     *
     * @param id a label name such as {@code "reporting"}
     * @return the standard label of that name
     * @throws IllegalArgumentException for any other name or null, listing the three
     */
    public static Label of(String id) {
        if (id != null) {
            for (Label l : values()) if (l.name().equals(id.strip().toUpperCase(Locale.ROOT))) return l;
        }
        throw new IllegalArgumentException("'" + id + "' is not a standard label; the standard labels are "
                + "REPORTING, COMMENTARY and BOILERPLATE");
    }
}
