/** Turns saved pages (HTML or plain text) into cleaned {@link org.medsearch.ingest.Article} records; no Lucene here. */
package org.medsearch.ingest;
