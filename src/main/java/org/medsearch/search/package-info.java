/** Reads the Lucene index: query parsing, ranking, grouping sections into articles and highlighting. */
package org.medsearch.search;
