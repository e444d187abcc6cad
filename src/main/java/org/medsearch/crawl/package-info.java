/**
 * Fetches pages of health websites over HTTP(S) into a corpus folder that {@code reindex} indexes: a polite,
 * incremental crawler (robots.txt, per-host pacing, conditional requests) that saves only article pages.
 * Uses the cleaner of {@link org.medsearch.ingest} to tell articles from listing pages; no Lucene here.
 */
package org.medsearch.crawl;
