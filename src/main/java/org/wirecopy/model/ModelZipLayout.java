package org.wirecopy.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Checks the zip container of a model file before anything is inflated: one end record at the very end (no comment,
 * no trailing bytes), a central directory that ends where the end record starts, and entries laid out back to back
 * from offset 0 whose local headers, data descriptors and central-directory records agree field by field (version,
 * flags, method, time, CRC, sizes, name), with no extra fields, comments, attributes or encryption. Every byte of the
 * container is then either checked here or covered by a CRC and the SHA-256 checksums, so a flipped byte or a cut is
 * refused as a {@link ModelFormatException}. Stateless.
 */
final class ModelZipLayout {

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DESCRIPTOR = 0x08074b50;

    private ModelZipLayout() {
    }

    static void check(byte[] b, String name) throws ModelFormatException {
        ByteBuffer z = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int end = b.length - 22;
        if (end < 0 || z.getInt(end) != END) {
            throw bad(name, "no zip end record at the end of the file (the file is truncated, has bytes after its "
                    + "end, or is not a zip)");
        }
        int count = u16(z, end + 10);
        long cdSize = u32(z, end + 12);
        long cdOffset = u32(z, end + 16);
        if (u16(z, end + 4) != 0 || u16(z, end + 6) != 0 || u16(z, end + 8) != count || u16(z, end + 20) != 0
                || cdOffset + cdSize != end || count == 0 || count > 16) {
            throw bad(name, "its zip end record does not describe this file");
        }
        int p = (int) cdOffset;
        long next = 0;
        for (int i = 0; i < count; i++) {
            need(b, p, 46, name);
            if (z.getInt(p) != CENTRAL) throw bad(name, "central directory record " + i + " is damaged");
            int made = u16(z, p + 4), version = u16(z, p + 6), flags = u16(z, p + 8), method = u16(z, p + 10);
            int time = u16(z, p + 12), date = u16(z, p + 14);
            long crc = u32(z, p + 16), csize = u32(z, p + 20), usize = u32(z, p + 24);
            int nlen = u16(z, p + 28), xlen = u16(z, p + 30), clen = u16(z, p + 32);
            long local = u32(z, p + 42);
            if (made != version || xlen != 0 || clen != 0 || u16(z, p + 34) != 0 || u16(z, p + 36) != 0
                    || z.getInt(p + 38) != 0 || (flags & 1) != 0 || (method != 0 && method != 8) || local != next) {
                throw bad(name, "central directory record " + i + " is not as wirecopy writes it");
            }
            need(b, p + 46, nlen, name);
            byte[] entryName = Arrays.copyOfRange(b, p + 46, p + 46 + nlen);
            int l = (int) local;
            need(b, l, 30, name);
            if (z.getInt(l) != LOCAL || u16(z, l + 4) != version || u16(z, l + 6) != flags || u16(z, l + 8) != method
                    || u16(z, l + 10) != time || u16(z, l + 12) != date || u16(z, l + 26) != nlen
                    || u16(z, l + 28) != 0) {
                throw bad(name, "the local header of entry " + i + " does not match the central directory");
            }
            need(b, l + 30, nlen, name);
            if (!Arrays.equals(entryName, Arrays.copyOfRange(b, l + 30, l + 30 + nlen))) {
                throw bad(name, "entry " + i + " has two different names");
            }
            long data = l + 30L + nlen;
            long after = data + csize;
            if ((flags & 8) != 0) {
                if (z.getInt(l + 14) != 0 || z.getInt(l + 18) != 0 || z.getInt(l + 22) != 0) {
                    throw bad(name, "the local header of entry " + i + " has sizes and a data descriptor");
                }
                need(b, after, 16, name);
                int d = (int) after;
                if (z.getInt(d) != DESCRIPTOR || u32(z, d + 4) != crc || u32(z, d + 8) != csize
                        || u32(z, d + 12) != usize) {
                    throw bad(name, "the data descriptor of entry " + i + " does not match the central directory");
                }
                after += 16;
            } else if (u32(z, l + 14) != crc || u32(z, l + 18) != csize || u32(z, l + 22) != usize) {
                throw bad(name, "the local header of entry " + i + " does not match the central directory");
            }
            next = after;
            p += 46 + nlen;
        }
        if (next != cdOffset || p != end) throw bad(name, "the zip has bytes that belong to no entry");
    }

    private static void need(byte[] b, long at, long n, String name) throws ModelFormatException {
        if (at < 0 || at + n > b.length) throw bad(name, "a zip record points outside the file");
    }

    private static int u16(ByteBuffer z, int at) {
        return z.getShort(at) & 0xFFFF;
    }

    private static long u32(ByteBuffer z, int at) {
        return z.getInt(at) & 0xFFFF_FFFFL;
    }

    private static ModelFormatException bad(String name, String what) {
        return new ModelFormatException(name + " is not a wirecopy model, or is damaged: " + what
                + "; copy or download the model again");
    }
}
