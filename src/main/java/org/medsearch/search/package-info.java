/** Reads the Lucene index: ranking, grouping sections into articles, highlighting, typing suggestions and facets. */
package org.medsearch.search;
