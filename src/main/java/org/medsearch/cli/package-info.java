/** The command line: reindex, clean, serve, search, eval. */
package org.medsearch.cli;
