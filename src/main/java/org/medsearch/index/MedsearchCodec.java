package org.medsearch.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's codec with stored fields in small blocks, which is what a search reads: a page of results reads
 * the stored text of some 30 sections spread over the index. Lucene's default packs up to 1,024 documents in
 * 80 KB blocks, so each of those reads decodes the block's document table and 8-16 KB of text for one section
 * of about 1 KB; in blocks of 8 KB and at most 128 documents, reading stored fields went from 19% of a keyword
 * search to 10% for about the same stored size (README: Performance, fifth round). Each document is now its own
 * block, so a read decodes that document's text and nothing else: keyword search CPU another 7-12% lower, for
 * stored fields of 35.6 MB instead of 22.8 MB over MedQuAD (sixth round). The reader takes any block layout, so
 * indexes written with the 128-document blocks open and read the same. Registered by name (Java's
 * service loader) so that Lucene can open the segments it writes; indexes written with Lucene's own codec
 * still open.
 */
public final class MedsearchCodec extends FilterCodec {
    /** The name written into every segment, by which Lucene finds this codec again when it opens one. */
    public static final String NAME = "Medsearch103";
    /** With one document per block, only a document longer than twice this is compressed in slices of it. */
    static final int BLOCK_BYTES = 8 * 1024;
    static final int BLOCK_DOCS = 1;

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
            "MedsearchStoredFields", CompressionMode.FAST, BLOCK_BYTES, BLOCK_DOCS, 10);

    public MedsearchCodec() {
        // Lucene103Codec directly, not Codec.forName: the service loader is still filling its table when it
        // calls this constructor.
        super(NAME, new Lucene103Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
