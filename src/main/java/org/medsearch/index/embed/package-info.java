/**
 * Sentence embeddings for semantic retrieval: a bundled small model (all-MiniLM-L6-v2 by default, or bge-small-en-v1.5, see {@link org.medsearch.index.embed.EmbeddingModel}) run offline with ONNX Runtime, and a
 * file cache of passage vectors so a reindex re-embeds only new or changed sections.
 */
package org.medsearch.index.embed;
