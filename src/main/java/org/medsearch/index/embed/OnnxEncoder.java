package org.medsearch.index.embed;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/** One ONNX Runtime session of a BERT-style sentence model: token ids in, a pooled unit vector out; thread-safe. */
final class OnnxEncoder implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean takesTokenTypes;
    private final EmbeddingModel.Pooling pooling;

    OnnxEncoder(OrtEnvironment env, byte[] model, int intraOpThreads, EmbeddingModel.Pooling pooling) throws OrtException {
        this.env = env;
        this.pooling = pooling;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            // With more than one intra-op thread, spinning workers burn a core while waiting for work: measured slower here.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            this.session = env.createSession(model, options);
        }
        this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /**
     * The unit-length sentence vector of one token sequence: the mean of its token vectors ([CLS] and [SEP] included),
     * or the [CLS] vector, as the model was trained.
     */
    float[] encode(int[] tokenIds) throws OrtException {
        long[] shape = {1, tokenIds.length};
        LongBuffer ids = directLongs(tokenIds.length);
        LongBuffer mask = directLongs(tokenIds.length);
        for (int id : tokenIds) {
            ids.put(id);
            mask.put(1);
        }
        ids.flip();
        mask.flip();
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, ids, shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(env, mask, shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(env, directLongs(tokenIds.length), shape);
             OrtSession.Result result = session.run(takesTokenTypes
                     ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                     : Map.of("input_ids", idTensor, "attention_mask", maskTensor))) {
            FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
            int dimension = hidden.remaining() / tokenIds.length;
            float[] sum = new float[dimension];
            int pooled = pooling == EmbeddingModel.Pooling.CLS ? 1 : tokenIds.length;
            for (int t = 0; t < pooled; t++) {
                for (int d = 0; d < dimension; d++) {
                    sum[d] += hidden.get(t * dimension + d);
                }
            }
            // The mean and the sum point the same way; normalising makes the division unnecessary.
            return Vectors.normalize(sum);
        }
    }

    /** Direct buffers let ONNX Runtime use the memory in place instead of copying it. */
    private static LongBuffer directLongs(int count) {
        return ByteBuffer.allocateDirect(count * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing useful to do while shutting down; the process is releasing the memory anyway
        }
    }
}
