/** The {@code bench} command's measurements: reindex and parse cost, query latency, HTTP load, growth, memory. */
package org.medsearch.bench;
