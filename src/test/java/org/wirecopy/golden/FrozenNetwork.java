package org.wirecopy.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wirecopy.features.SparseVector;
import org.wirecopy.network.Architecture;
import org.wirecopy.network.NetworkConfig;
import org.wirecopy.network.NetworkWeights;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The network of a frozen model file read straight from its entries, without the feature configuration, so the
 * network golden test keeps running when the feature code gets a new version; and seeded random sparse inputs.
 */
record FrozenNetwork(NetworkConfig config, NetworkWeights weights, int inputSize, int labels) {

    static FrozenNetwork read(String resource) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream raw = FrozenNetwork.class.getResourceAsStream("/org/wirecopy/golden/" + resource);
             ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(raw.readAllBytes()))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) entries.put(e.getName(), in.readAllBytes());
        }
        JsonNode m = new ObjectMapper().readTree(entries.get("manifest.json"));
        JsonNode n = m.get("network");
        NetworkConfig config = new NetworkConfig(Architecture.fromId(n.get("architecture").asText()),
                n.get("hidden").asInt(), n.get("recurrent").asInt(), n.get("inputDropout").asDouble(),
                n.get("dropout").asDouble());
        return new FrozenNetwork(config, NetworkWeights.fromBytes(entries.get("network/weights.bin"), resource),
                m.get("inputSize").asInt(), m.get("labels").size());
    }

    /** An article of {@code n} paragraphs with 30 random non-zero inputs each, seeded by {@code n}. */
    List<SparseVector> randomArticle(int n) {
        Random r = new Random(1000 + n);
        List<SparseVector> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TreeMap<Integer, Float> v = new TreeMap<>();
            for (int k = 0; k < 30; k++) v.put(r.nextInt(inputSize), r.nextFloat() * 2);
            int[] idx = v.keySet().stream().mapToInt(Integer::intValue).toArray();
            float[] val = new float[idx.length];
            int j = 0;
            for (float x : v.values()) val[j++] = x;
            out.add(new SparseVector(inputSize, idx, val));
        }
        return out;
    }

    /** Lengths of the random articles of the network golden file. */
    static final int[] LENGTHS = {1, 7, 40, 96};
}
