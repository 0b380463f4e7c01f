package org.wirecopy.match;

import org.wirecopy.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Hand-written stories (invented for these tests) and helpers. */
final class Fixtures {

    static final List<String> HARBOR = List.of(
            "The harbor authority on Monday approved a plan to dredge the main shipping channel to fourteen meters, "
                    + "clearing the way for larger container vessels.",
            "The project will be paid for by a bond issue and by higher berthing fees, the authority's chairwoman "
                    + "told reporters after the vote.",
            "Fishing cooperatives said they would challenge the decision in court, arguing that the spoil sites would "
                    + "smother the oyster beds.",
            "Short line.");
    static final List<String> RAIL = List.of(
            "Commuter fares on the regional rail network will rise by seven percent from April, the operator said on "
                    + "Monday, the steepest increase in a decade.",
            "Passenger groups called the increase unjustified and said the operator had missed its punctuality "
                    + "targets for eleven months.");
    /** The harbor story's first two paragraphs again under another id, with a correction, as wires repeat stories. */
    static final String REPEAT_ID = "wire-3-repeat";
    static final String CORRECTION = "Correction: the dredging plan approved on Monday covers the outer channel only, "
            + "not the inner harbor basin.";

    private Fixtures() {
    }

    /** Builds the index of the three stories into {@code dir}. */
    static Path index(Path dir, IndexConfig config) throws IOException {
        Path out = dir.resolve("wire.idx");
        try (SourceIndexWriter w = new SourceIndexWriter(out, config)) {
            w.add("wire-1", "Example Wire", "2026-03-02", "Harbor plan approved", HARBOR);
            w.add("wire-2", null, null, null, RAIL);
            w.add(REPEAT_ID, "Example Wire", "2026-03-03", null, List.of(HARBOR.get(0), HARBOR.get(1), CORRECTION));
            w.finish();
        }
        return out;
    }

    /** {@code ../shared} beside the checkout, or the directory named by WIRECOPY_SHARED. */
    static Path shared() {
        String env = System.getenv("WIRECOPY_SHARED");
        return env != null && !env.isBlank() ? Path.of(env) : TestData.shared();
    }

    static boolean exists(Path p) {
        return Files.isRegularFile(p);
    }
}
