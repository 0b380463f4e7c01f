package org.wirecopy.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wirecopy.corpus.CorpusFormatException;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.io.LimitExceededException;
import org.wirecopy.io.SafeFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A library of web-page furniture written for training (menus, footers, lists of other stories, captions, share bars,
 * reader comments...), which {@link PageSimulator} places around and inside training articles so that the network
 * learns what whole pages look like to the HTML reader. One JSON object per line:
 * {@code {"id", "kind", "site": "news|opinion|blog|any", "position": "top|bottom|inside|any",
 * "blocks": [{"text", "tag", "link"}]}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name   where it was read from
 * @param sha256 SHA-256 of the file's bytes
 * @param groups the groups, in file order
 */
public record Furniture(String name, String sha256, List<Group> groups) {

    /** No furniture: page simulation is then off. */
    public static final Furniture NONE = new Furniture("", "", List.of());

    /** The most bytes a furniture file may hold. */
    static final long MAX_BYTES = 64L << 20;
    /** The most characters a line of a furniture file may hold. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private static final List<String> SITES = List.of("news", "opinion", "blog", "any");
    private static final List<String> POSITIONS = List.of("top", "bottom", "inside", "any");

    /**
     * Checks the components and copies the groups into an immutable list.
     *
     * @param name   where it was read from; not null
     * @param sha256 SHA-256 of the file's bytes; not null
     * @param groups the groups, in file order
     */
    public Furniture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        groups = List.copyOf(groups);
    }

    /**
     * One block of furniture as the HTML reader would see it. Immutable and thread-safe.
     *
     * @param text the block's text
     * @param tag  the HTML block element that holds it, e.g. {@code li}
     * @param link whether the whole block is a link
     */
    public record Block(String text, String tag, boolean link) {
        /**
         * Checks that no string is null.
         *
         * @param text the block's text
         * @param tag  the HTML block element that holds it
         * @param link whether the whole block is a link
         */
        public Block {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(tag, "tag");
        }
    }

    /**
     * Blocks that sit together on a page (a menu, a footer, a comment thread).
     *
     * @param id       the group's id in the file
     * @param kind     what it is, e.g. {@code menu} or {@code comments}
     * @param site     the kind of page it belongs on: {@code news}, {@code opinion}, {@code blog} or {@code any}
     * @param position where it stands: {@code top}, {@code bottom}, {@code inside} or {@code any}
     * @param blocks   its blocks, in page order
     */
    public record Group(String id, String kind, String site, String position, List<Block> blocks) {
        /**
         * Copies the blocks into an immutable list.
         *
         * @param id       the group's id
         * @param kind     what it is
         * @param site     the kind of page it belongs on
         * @param position where it stands
         * @param blocks   its blocks, in page order
         */
        public Group {
            blocks = List.copyOf(blocks);
        }

        /**
         * Whether the group can stand at {@code where} ("top", "bottom" or "inside").
         *
         * @param where a position
         * @return true when the group's position is {@code where} or {@code any}
         */
        public boolean fits(String where) {
            return position.equals("any") || position.equals(where);
        }

        /**
         * Whether the group belongs on a page of {@code kind} ("news", "opinion" or "blog").
         *
         * @param kind a kind of page
         * @return true when the group's site is {@code kind} or {@code any}
         */
        public boolean on(String kind) {
            return site.equals("any") || site.equals(kind);
        }
    }

    /**
     * Reads a furniture file of at most 64 MiB (counted as read, devices and FIFOs included) with lines of at most
     * 1 Mi characters.
     *
     * @param file a JSONL file, one group per line (blank lines skipped)
     * @return its groups, with the file's name and SHA-256
     * @throws LimitExceededException when the file or one of its lines is longer than the limit, naming the file
     *                                (and the line) and the fix
     * @throws IOException when the file is missing, a directory or cannot be read, naming it
     * @throws CorpusFormatException for malformed lines: every problem of the file (up to
     *                               {@link CorpusReader#MAX_PROBLEMS}), each with file:line, the field and the fix
     */
    public static Furniture read(Path file) throws IOException {
        return read(file, MAX_BYTES, MAX_LINE_CHARS);
    }

    /** {@link #read(Path)} with other limits (for tests). */
    static Furniture read(Path file, long maxBytes, int maxLineChars) throws IOException {
        byte[] bytes = SafeFiles.readBounded(file, maxBytes, "furniture file", "a furniture library is a JSONL file "
                + "of short groups (the project's is 130 KB); split it or drop groups");
        ObjectMapper json = new ObjectMapper();
        List<Group> groups = new ArrayList<>();
        List<DataProblem> problems = new ArrayList<>();
        String name = file.toString();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null && problems.size() < CorpusReader.MAX_PROBLEMS) {
                n++;
                if (line.length() > maxLineChars) {
                    throw new LimitExceededException(name + ":" + n + ": line is longer than " + maxLineChars
                            + " characters; a furniture group is one short JSON object per line: split its blocks "
                            + "into groups");
                }
                if (line.isBlank()) continue;
                try {
                    groups.add(group(json, line));
                } catch (BadLine e) {
                    problems.add(new DataProblem(name, n, e.field, e.getMessage(), e.fix));
                }
            }
        }
        if (!problems.isEmpty()) throw new CorpusFormatException(problems);
        return new Furniture(file.getFileName().toString(), sha256(bytes), groups);
    }

    /** One line's group, or {@link BadLine} naming the field at fault and the fix. */
    private static Group group(ObjectMapper json, String line) {
        JsonNode o;
        try {
            o = json.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadLine("", "not a JSON object (" + e.getOriginalMessage() + ")",
                    "write one furniture group per line");
        }
        if (o == null || !o.isObject()) {
            throw new BadLine("", "not a JSON object", "write one furniture group per line");
        }
        String site = text(o, "site");
        String position = text(o, "position");
        if (!SITES.contains(site)) throw new BadLine("site", "is '" + site + "'", "use one of " + SITES);
        if (!POSITIONS.contains(position)) {
            throw new BadLine("position", "is '" + position + "'", "use one of " + POSITIONS);
        }
        JsonNode bs = o.get("blocks");
        if (bs == null || !bs.isArray() || bs.isEmpty()) {
            throw new BadLine("blocks", "is missing, empty or not an array", "give a non-empty array of "
                    + "{text, tag, link}");
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < bs.size(); i++) {
            JsonNode b = bs.get(i);
            String t = text(b, "text", "blocks[" + i + "].text");
            if (t.isBlank()) throw new BadLine("blocks[" + i + "].text", "is empty", "give the block's text or drop it");
            blocks.add(new Block(t, b.path("tag").asText("div"), b.path("link").asBoolean(false)));
        }
        return new Group(text(o, "id"), text(o, "kind"), site, position, blocks);
    }

    private static String text(JsonNode o, String field) {
        return text(o, field, field);
    }

    private static String text(JsonNode o, String field, String path) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) throw new BadLine(path, "is missing or not a string", "give it as a string");
        return v.asText();
    }

    /** A malformed line: the field at fault (or empty), what is wrong (the message) and the fix. */
    private static final class BadLine extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String fix;

        BadLine(String field, String message, String fix) {
            super(message, null, false, false);
            this.field = field;
            this.fix = fix;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
