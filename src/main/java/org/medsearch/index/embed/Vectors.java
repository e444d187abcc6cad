package org.medsearch.index.embed;

import org.apache.lucene.util.VectorUtil;

/** Small float-vector helpers shared by the encoder, the cache and callers ranking by cosine similarity. */
public final class Vectors {

    private Vectors() {
    }

    /** Dot product; for unit vectors this is their cosine similarity. */
    public static float dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimensions differ: " + a.length + " vs " + b.length);
        }
        // Lucene's SIMD dot product, the one its graph walk scores with: a scalar loop here was 4% of a keyword search,
        // which scores every candidate section this way.
        return VectorUtil.dotProduct(a, b);
    }

    /** Scales v in place to Euclidean length 1 (a zero vector stays zero) and returns it. */
    public static float[] normalize(float[] v) {
        double squares = 0;
        for (float x : v) {
            squares += x * x;
        }
        if (squares > 0) {
            float scale = (float) (1 / Math.sqrt(squares));
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return v;
    }
}
