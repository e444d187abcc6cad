#!/usr/bin/env python3
"""Experiment tool, not a test: every setting of the named fusion_loqo experiments with its nDCG@10 (no
cross-validation), e.g. to choose weights on corpus pairs (FeatureDump run over CorpusPairs files) and read the
chosen setting's figures on the dev questions' dump.

Usage: python3 src/test/python/fusion_grid.py FEATURES.tsv QRELS_FOLDER experiment ...
"""
import itertools, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fusion_loqo as F  # noqa: E402 (reads sys.argv[1:3] on import)

base = F.table(lambda q: q.f['prod'], [{}])[0]
for name in sys.argv[3:]:
    fn, grid = F.EXPERIMENTS[name]
    configs = [dict(zip(grid, v)) for v in itertools.product(*grid.values())]
    for c, row in zip(configs, F.table(fn, configs)):
        F.line(row, f'{name} {c}', base)
