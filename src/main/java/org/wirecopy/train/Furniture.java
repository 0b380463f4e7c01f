package org.wirecopy.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Set;

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

    private static final Set<String> SITES = Set.of("news", "opinion", "blog", "any");
    private static final Set<String> POSITIONS = Set.of("top", "bottom", "inside", "any");

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
     * @throws IllegalArgumentException for a malformed line, with file:line, the field and the fix
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
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String at = file + ":" + n;
                if (line.length() > maxLineChars) {
                    throw new LimitExceededException(at + ": line is longer than " + maxLineChars + " characters; "
                            + "a furniture group is one short JSON object per line: split its blocks into groups");
                }
                if (line.isBlank()) continue;
                JsonNode o;
                try {
                    o = json.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalArgumentException(at + ": not a JSON object (" + e.getOriginalMessage()
                            + "); write one furniture group per line");
                }
                String site = text(o, "site", at);
                String position = text(o, "position", at);
                if (!SITES.contains(site)) throw new IllegalArgumentException(at + ": field 'site' is '" + site
                        + "'; use one of " + SITES);
                if (!POSITIONS.contains(position)) throw new IllegalArgumentException(at + ": field 'position' is '"
                        + position + "'; use one of " + POSITIONS);
                JsonNode bs = o.get("blocks");
                if (bs == null || !bs.isArray() || bs.isEmpty()) {
                    throw new IllegalArgumentException(at + ": field 'blocks' must be a non-empty array of {text, tag, link}");
                }
                List<Block> blocks = new ArrayList<>();
                for (int i = 0; i < bs.size(); i++) {
                    JsonNode b = bs.get(i);
                    String t = text(b, "text", at + " block " + i);
                    if (t.isBlank()) throw new IllegalArgumentException(at + " block " + i + ": empty text");
                    blocks.add(new Block(t, b.path("tag").asText("div"), b.path("link").asBoolean(false)));
                }
                groups.add(new Group(text(o, "id", at), text(o, "kind", at), site, position, blocks));
            }
        }
        return new Furniture(file.getFileName().toString(), sha256(bytes), groups);
    }

    private static String text(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(at + ": field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
