/** Writes articles into a Lucene index: schema, analysis and the safe build-then-swap reindex. */
package org.medsearch.index;
