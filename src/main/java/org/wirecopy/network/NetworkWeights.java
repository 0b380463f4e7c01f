package org.wirecopy.network;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a trained network as named tensors, and their binary form in a model file.
 *
 * <p>Binary form (little-endian): magic {@code WCTN}, int32 format version (1), int32 tensor count, then per tensor:
 * int32 name length, UTF-8 name, int32 rank, int32 dimensions, float32 values row-major. Nothing in it names a class.
 *
 * <p>Immutable and thread-safe.
 */
public final class NetworkWeights {

    private static final int MAGIC = 0x4E54_4357; // "WCTN" read little-endian
    private static final int VERSION = 1;

    private final Map<String, Tensor> tensors;

    /**
     * Weights made of these tensors, kept in list order.
     *
     * @param tensors the tensors, with distinct names; not null
     * @throws IllegalArgumentException when two tensors have the same name
     */
    public NetworkWeights(List<Tensor> tensors) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Tensor t : java.util.Objects.requireNonNull(tensors, "tensors")) {
            java.util.Objects.requireNonNull(t, "tensor");
            if (m.put(t.name(), t) != null) throw new IllegalArgumentException("duplicate tensor " + t.name());
        }
        this.tensors = Collections.unmodifiableMap(m);
    }

    private NetworkWeights(Map<String, Tensor> tensors) {
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /**
     * The tensor with this name.
     *
     * @param name a tensor name, e.g. {@code enc_W}
     * @return the tensor
     * @throws IllegalArgumentException when there is no tensor of that name
     */
    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) throw new IllegalArgumentException("network weights have no tensor '" + name + "'");
        return t;
    }

    /**
     * Whether there is a tensor with this name.
     *
     * @param name a tensor name
     * @return true when {@link #get(String)} finds it
     */
    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    /** {@return all tensors in their stored order} */
    public List<Tensor> tensors() {
        return List.copyOf(tensors.values());
    }

    /** {@return the total number of parameters} */
    public long parameterCount() {
        long n = 0;
        for (Tensor t : tensors.values()) n += t.size();
        return n;
    }

    /**
     * The number of networks these weights hold: 1, or more for a seed ensemble (see {@link #ensemble}). Member 0's
     * tensors have plain names ({@code enc_W}, ...); member {@code k >= 1}'s carry the prefix {@code m<k>/}.
     *
     * @return the number of networks, at least 1
     * @throws IllegalArgumentException when a prefix is unknown or the members are not numbered consecutively
     */
    public int members() {
        java.util.Set<String> prefixes = new java.util.HashSet<>();
        for (String name : tensors.keySet()) {
            int slash = name.indexOf('/');
            if (slash > 0) prefixes.add(name.substring(0, slash + 1));
        }
        int k = 1;
        while (prefixes.remove(memberPrefix(k))) k++;
        if (!prefixes.isEmpty()) {
            throw new IllegalArgumentException("network weights have tensors of unknown or non-consecutive ensemble "
                    + "members " + new java.util.TreeSet<>(prefixes) + " (members are m1/ .. m" + (k - 1) + "/)");
        }
        return k;
    }

    /**
     * One member's weights.
     *
     * @param k the member, 0..members - 1
     * @return member {@code k}'s tensors under their plain names ({@code this} when there is one member)
     */
    public NetworkWeights member(int k) {
        int n = members();
        java.util.Objects.checkIndex(k, n);
        if (n == 1) return this;
        String prefix = memberPrefix(k);
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : tensors.values()) {
            String name = t.name();
            if (k == 0 ? name.indexOf('/') < 0 : name.startsWith(prefix)) {
                out.add(new Tensor(name.substring(prefix.length()), t.shape(), t.data()));
            }
        }
        return new NetworkWeights(out);
    }

    /**
     * {@link #member(int)} without copying: member {@code k}'s tensors, the same objects, found under their plain
     * names (each keeps its full name, {@code m<k>/...}); for the network's own classes, which read them.
     *
     * @param k the member, 0..members - 1
     * @return member {@code k}'s weights ({@code this} when there is one member)
     */
    NetworkWeights memberView(int k) {
        int n = members();
        java.util.Objects.checkIndex(k, n);
        if (n == 1) return this;
        String prefix = memberPrefix(k);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Tensor t : tensors.values()) {
            String name = t.name();
            if (k == 0 ? name.indexOf('/') < 0 : name.startsWith(prefix)) out.put(name.substring(prefix.length()), t);
        }
        return new NetworkWeights(out);
    }

    /**
     * One set of weights holding several networks of the same shape (a seed ensemble): the first member's tensors
     * keep their names, the others are prefixed {@code m1/}, {@code m2/}, ...
     *
     * @param members the networks, each of one member
     * @return the ensemble's weights
     * @throws IllegalArgumentException when there is no member, or a member is itself an ensemble
     */
    public static NetworkWeights ensemble(List<NetworkWeights> members) {
        if (members.isEmpty()) throw new IllegalArgumentException("an ensemble needs at least one member");
        List<Tensor> out = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            NetworkWeights m = members.get(k);
            if (m.members() != 1) throw new IllegalArgumentException("member " + k + " is itself an ensemble");
            for (Tensor t : m.tensors.values()) out.add(new Tensor(memberPrefix(k) + t.name(), t.shape(), t.data()));
        }
        return new NetworkWeights(out);
    }

    /**
     * The tensor-name prefix of an ensemble member.
     *
     * @param k the member, &gt;= 0
     * @return empty for member 0, {@code m<k>/} for the others
     */
    private static String memberPrefix(int k) {
        if (k < 0) throw new IllegalArgumentException("member index must be >= 0, got " + k);
        return k == 0 ? "" : "m" + k + "/";
    }

    /** {@return the binary form described above} */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            head.putInt(MAGIC).putInt(VERSION).putInt(tensors.size());
            out.write(head.array());
            for (Tensor t : tensors.values()) {
                byte[] name = t.name().getBytes(StandardCharsets.UTF_8);
                int[] shape = t.shape();
                float[] data = t.data();
                ByteBuffer b = ByteBuffer.allocate(8 + name.length + 4 * shape.length + 4 * data.length)
                        .order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(name.length).put(name).putInt(shape.length);
                for (int d : shape) b.putInt(d);
                b.asFloatBuffer().put(data);
                out.write(b.array());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: in-memory stream", e);
        }
    }

    /**
     * Reads the binary form.
     *
     * @param bytes the binary form
     * @param what  names the source in error messages, e.g. {@code model.zip!network/weights.bin}
     * @return the weights
     * @throws IllegalArgumentException when the bytes are not a complete weights file
     */
    public static NetworkWeights fromBytes(byte[] bytes, String what) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (b.getInt() != MAGIC) throw new IllegalArgumentException(what + ": not a wirecopy weights file (bad magic)");
            int version = b.getInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(what + ": weights format version " + version
                        + " is not supported (this release reads version " + VERSION + ")");
            }
            int count = b.getInt();
            if (count < 0 || count > 1000) throw new IllegalArgumentException(what + ": bad tensor count " + count);
            List<Tensor> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int len = b.getInt();
                if (len <= 0 || len > 256 || len > b.remaining()) {
                    throw new IllegalArgumentException(what + ": bad name length in tensor " + i);
                }
                byte[] name = new byte[len];
                b.get(name);
                int rank = b.getInt();
                if (rank < 1 || rank > 2) throw new IllegalArgumentException(what + ": bad rank " + rank);
                int[] shape = new int[rank];
                long n = 1;
                for (int r = 0; r < rank; r++) {
                    shape[r] = b.getInt();
                    n *= shape[r];
                }
                if (n <= 0 || n * 4 > b.remaining()) {
                    throw new IllegalArgumentException(what + ": tensor " + i + " is truncated or has a bad shape");
                }
                float[] data = new float[(int) n];
                b.asFloatBuffer().get(data);
                b.position(b.position() + 4 * data.length);
                list.add(new Tensor(new String(name, StandardCharsets.UTF_8), shape, data));
            }
            if (b.hasRemaining()) throw new IllegalArgumentException(what + ": " + b.remaining() + " trailing bytes");
            return new NetworkWeights(list);
        } catch (java.nio.BufferUnderflowException | java.nio.BufferOverflowException e) {
            throw new IllegalArgumentException(what + ": truncated weights file", e);
        }
    }
}
