/** Relevance evaluation: TREC runs and qrels, nDCG, MRR, MAP and recall as trec_eval computes them. */
package org.medsearch.eval;
