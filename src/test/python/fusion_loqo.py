#!/usr/bin/env python3
"""Experiment tool, not a test: scores fusions of the ranking signals that FeatureDump wrote for the 39 LiveQA dev
questions, each with its weights chosen by leave-one-question-out cross-validation (the written question and its
summary held out together), and prints the in-sample and cross-validated nDCG@10 with how many questions went up
and down against today's ranking (cosine + 0.8 x normalised BM25 with focus and kind boosts).

Usage: python3 src/test/python/fusion_loqo.py FEATURES.tsv SHARED_MEDQUAD [experiment ...]
Needs numpy only. Written by hand (no scikit-learn on the machine): nDCG as trec_eval's ndcg_cut.10, the same
pools as the engine (BM25 top 100 + 100 nearest for sections, top 800 + 100 for articles).
"""
import collections, csv, itertools, math, sys
import numpy as np

FEATURES, MEDQUAD = sys.argv[1], sys.argv[2].rstrip('/') + '/'
LOG = 1 / np.log2(np.arange(2, 12))


def qrels(level):
    g = collections.defaultdict(dict)
    for line in open(MEDQUAD + f'liveqa-dev-qrels-{level}.txt'):
        q, _, d, r = line.split()
        g[q][d] = int(r)
    return g


QS, QA = qrels('sections'), qrels('articles')


def ideal(grades, k=10):
    v = sorted([x for x in grades.values() if x > 0], reverse=True)[:k]
    return sum(x / math.log2(i + 2) for i, x in enumerate(v))


class Question:
    """One question's candidates: numeric signals, ids, kinds, gains, pools."""

    def __init__(self, key, rows):
        self.set, self.qid = key
        self.ids = [r['id'] for r in rows]
        self.art = [r['article'] for r in rows]
        self.kind = [r['kind'] for r in rows]
        self.f = {k: np.array([float(r[k]) for r in rows]) for k in rows[0]
                  if k not in ('set', 'qid', 'id', 'article', 'kind', 'order', 'title_s', 'heading_s')}
        lr = self.f['lexRank']
        self.ms = np.where(((lr >= 0) & (lr < 100)) | (self.f['dense'] > 0))[0]
        self.ma = np.where((lr >= 0) | (self.f['dense'] > 0))[0]
        self.gs = np.array([max(0, QS[self.qid].get(i, 0)) for i in self.ids], float)
        arts = sorted(set(self.art))
        pos = {a: i for i, a in enumerate(arts)}
        self.aidx = np.array([pos[a] for a in self.art])
        self.ga = np.array([max(0, QA[self.qid].get(a, 0)) for a in arts], float)
        self.Is, self.Ia = ideal(QS[self.qid]), ideal(QA[self.qid])
        order = sorted(range(len(self.ids)), key=lambda i: (self.art[i], self.ids[i]))
        self.tb = np.empty(len(order))
        self.tb[order] = np.arange(len(order))

    def sections(self, score):
        m = self.ms
        o = np.lexsort((self.tb[m], -score[m]))[:10]
        return (self.gs[m][o] * LOG[:len(o)]).sum() / self.Is if self.Is > 0 else 0

    def articles(self, score):
        m = self.ma
        o = np.lexsort((self.tb[m], -score[m]))
        a = self.aidx[m][o]
        _, first = np.unique(a, return_index=True)
        top = a[np.sort(first)[:10]]
        return (self.ga[top] * LOG[:len(top)]).sum() / self.Ia if self.Ia > 0 else 0


rows = collections.defaultdict(list)
for r in csv.DictReader(open(FEATURES), delimiter='\t'):
    rows[(r['set'], r['qid'])].append(r)
KEYS = sorted(rows, key=lambda k: (k[0], int(k[1])))
QUESTIONS = {k: Question(k, rows[k]) for k in KEYS}


def norm(v):
    m = v.max()
    return v / m if m > 0 else v


def lexical(q, extra=0, focus=4, kind=2):
    """The BM25 score as the engine builds it (words, synonyms, focus and kind boosts), plus extra, normalised."""
    raw = q.f['lex0'] + focus * q.f['focusCount'] + kind * q.f['ask'] + extra
    return raw / raw[q.f['lexRank'] >= 0].max()


def article_max(q, v):
    best = {}
    for i, a in enumerate(q.art):
        best[a] = max(best.get(a, -9), v[i])
    return np.array([best[a] for a in q.art])


def overview(q):
    return np.array([k == 'overview' for k in q.kind], float)


def today(q):
    return q.f['cos'] + 0.8 * lexical(q)


EXPERIMENTS = {
    'lexicalWeight': (lambda q, w: q.f['cos'] + w * lexical(q), dict(w=[0.4, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2])),
    'focusKind': (lambda q, fb, kb, fkb: q.f['cos'] + 0.8 * lexical(q, fkb * (q.f['focusCount'] > 0) * q.f['ask'],
                                                                       focus=fb, kind=kb),
                  dict(fb=[2, 3, 4, 6], kb=[0, 1, 2, 3, 4], fkb=[0, 1, 2, 4])),
    'focusSpecificity': (lambda q, tau, fb: q.f['cos'] + 0.8 * lexical(q, (fb - 4) * q.f['focusCount'] * (q.f['focusSpec'] > tau)
                                                                       - 4 * q.f['focusCount'] * (q.f['focusSpec'] <= tau)),
                         dict(tau=[0, 2, 3, 4, 4.5, 5, 5.5, 6], fb=[3, 4, 5])),
    'overviewPrior': (lambda q, w: q.f['cos'] + 0.8 * lexical(q, w * overview(q)), dict(w=[0, 0.5, 1, 2])),
    'condensedBm25': (lambda q, w: q.f['cos'] + 0.8 * lexical(q, w * q.f['cond']), dict(w=[0, 0.1, 0.25, 0.5, 0.75, 1])),
    'subjectBm25': (lambda q, w: q.f['cos'] + 0.8 * lexical(q, w * q.f['subj']), dict(w=[0, 0.1, 0.25, 0.5, 1])),
    'subjectFocus': (lambda q, w: q.f['cos'] + 0.8 * lexical(q, w * q.f['focusSubj']), dict(w=[-2, -1, 0, 1, 2, 4])),
    'condensedCosine': (lambda q, w: (1 - w) * q.f['cos'] + w * q.f['cosCond'] + 0.8 * lexical(q), dict(w=[0, 0.2, 0.3, 0.5])),
    'headingCosine': (lambda q, w: today(q) + w * q.f['cosHead'], dict(w=[0, 0.1, 0.2, 0.3, 0.5])),
    'titleCosine': (lambda q, w: today(q) + w * q.f['cosTitle'], dict(w=[0, 0.1, 0.2, 0.3, 0.5])),
    'headingBm25': (lambda q, w: today(q) + w * norm(q.f['heading']), dict(w=[0, 0.05, 0.1, 0.2, 0.3])),
    'articleBm25': (lambda q, w: today(q) + w * norm(q.f['artLex']), dict(w=[0, 0.05, 0.1, 0.2, 0.3, 0.5])),
    'articleMaxCosine': (lambda q, w: today(q) + w * article_max(q, q.f['cos']), dict(w=[0, 0.05, 0.1, 0.2, 0.3])),
    'lengthPrior': (lambda q, w: today(q) + w * np.log1p(q.f['len']), dict(w=[0, 0.01, 0.02, 0.04])),
}


def maxp(q, w):
    """The first window's cosine blended with the best window's (MaxP over 128-piece windows of the section)."""
    return (1 - w) * q.f['cos'] + w * q.f['cosMaxP']


def rocchio(q, k, beta):
    """The cosine to q + beta x (unit mean of today's top-k sections' vectors), renormalised."""
    return (q.f['cos'] + beta * q.f[f'prf{k}']) / np.sqrt(1 + 2 * beta * q.f[f'qm{k}'] + beta * beta)


EXPERIMENTS.update({
    'maxP': (lambda q, w: maxp(q, w) + 0.8 * lexical(q), dict(w=[0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0])),
    'maxPLex': (lambda q, w, lw: maxp(q, w) + lw * lexical(q), dict(w=[0, 0.2, 0.3, 0.5, 1.0], lw=[0.6, 0.7, 0.8, 0.9, 1.0])),
    'maxPGain': (lambda q, w: today(q) + w * np.maximum(0, q.f['cosLater'] - q.f['cos']), dict(w=[0, 0.1, 0.2, 0.3, 0.5, 1.0])),
    'meanTop2': (lambda q, w: today(q) + w * np.where(q.f['nWin'] > 0, (q.f['cos'] + q.f['cosLater']) / 2 - q.f['cos'], 0),
                 dict(w=[0, 0.1, 0.2, 0.3, 0.5, 1.0])),
    'rocchio': (lambda q, k, beta: rocchio(q, k, beta) + 0.8 * lexical(q), dict(k=[3, 5, 10], beta=[0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0])),
    'rocchioLex': (lambda q, k, beta, lw: rocchio(q, k, beta) + lw * lexical(q),
                   dict(k=[3, 5, 10], beta=[0, 0.2, 0.5, 1.0], lw=[0.6, 0.8, 1.0, 1.2])),
    'rm3': (lambda q, k, w: q.f['cos'] + 0.8 * lexical(q, w * q.f[f'rm{k}']), dict(k=[5, 10], w=[0, 0.1, 0.25, 0.5, 1, 2])),
})


def rescaled(v, like):
    return (v - v.mean()) / (v.std() + 1e-9) * like.std() + like.mean()


EXPERIMENTS.update({
    # a second model's cosine (FeatureDump -Dsecond.index): (1-a)·cos + a·cosB, the lexical weight refitted beside it
    'ensemble': (lambda q, a: (1 - a) * q.f['cos'] + a * q.f['cosB'] + 0.8 * lexical(q),
                 dict(a=[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0])),
    # the second model's cosines put on the first's scale over the question's pool (its cosines sit in another range)
    'ensembleScaled': (lambda q, a: (1 - a) * q.f['cos'] + a * rescaled(q.f['cosB'], q.f['cos']) + 0.8 * lexical(q),
                       dict(a=[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0])),
    'ensembleLex': (lambda q, a, lw: (1 - a) * q.f['cos'] + a * q.f['cosB'] + lw * lexical(q),
                    dict(a=[0, 0.2, 0.3, 0.5, 0.7], lw=[0.4, 0.6, 0.8, 1.0])),
})


def table(fn, configs):
    t = np.zeros((len(configs), len(KEYS), 2))
    for ci, c in enumerate(configs):
        for qi, k in enumerate(KEYS):
            q = QUESTIONS[k]
            s = fn(q, **c)
            t[ci, qi] = q.sections(s), q.articles(s)
    return t


def loqo(t):
    """Per held-out question, the config best on the other 38 (both phrasings, both levels)."""
    held, chosen = np.zeros((len(KEYS), 2)), []
    for h in sorted({k[1] for k in KEYS}, key=int):
        train = np.array([k[1] != h for k in KEYS])
        best = int(np.argmax(t[:, train, :].sum(-1).mean(-1)))
        chosen.append(best)
        for qi, k in enumerate(KEYS):
            if k[1] == h:
                held[qi] = t[best, qi]
    return held, chosen


def line(vals, label, base):
    out = []
    for st in ('written', 'summary'):
        idx = [i for i, k in enumerate(KEYS) if k[0] == st]
        for j, level in enumerate('SA'):
            up = (vals[idx, j] > base[idx, j] + 1e-9).sum()
            down = (vals[idx, j] < base[idx, j] - 1e-9).sum()
            out.append(f"{st[0]}{level} {vals[idx, j].mean():.4f} +{up}/-{down}")
    print(f"{label:36s}", ' | '.join(out))


if __name__ == '__main__':
    base = table(lambda q: q.f['prod'], [{}])[0]
    line(base, 'today', base)
    for name in sys.argv[3:] or EXPERIMENTS:
        fn, grid = EXPERIMENTS[name]
        configs = [dict(zip(grid, v)) for v in itertools.product(*grid.values())]
        t = table(fn, configs)
        best = int(np.argmax(t.sum(-1).mean(-1)))
        line(t[best], f'{name} in-sample {configs[best]}', base)
        held, chosen = loqo(t)
        line(held, f'{name} LOQO-CV', base)
        print('   chosen in folds:', collections.Counter(str(configs[c]) for c in chosen).most_common(2))
