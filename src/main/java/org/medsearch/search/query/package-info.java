/** Turns typed text into an understood query: parsing, question filler, spelling, synonyms, focus, intent and the Lucene query. */
package org.medsearch.search.query;
