/**
 * Sentence embeddings for semantic retrieval: the bundled all-MiniLM-L6-v2 model run offline with ONNX Runtime, and a
 * file cache of passage vectors so a reindex re-embeds only new or changed sections.
 */
package org.medsearch.index.embed;
