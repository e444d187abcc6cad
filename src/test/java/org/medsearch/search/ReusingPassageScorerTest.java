package org.medsearch.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReusingPassageScorerTest {
    private static Passage passage(Random random, int matches, int vocabulary) {
        Passage p = new Passage();
        int start = random.nextInt(2_000);
        p.setStartOffset(start);
        // Matches must fall inside the passage (Lucene asserts it): its end is set wide first, then trimmed.
        p.setEndOffset(start + 30 * matches + 100);
        int at = start;
        for (int i = 0; i < matches; i++) {
            BytesRef term = new BytesRef("term" + random.nextInt(vocabulary));
            p.addMatch(at, at + 5, term, 1 + random.nextInt(9));
            at += 6 + random.nextInt(20);
        }
        p.setEndOffset(at + random.nextInt(50));
        assert p.getEndOffset() >= at;
        return p;
    }

    @Test
    void scoresEveryPassageExactlyAsLucenesScorerDoes() {
        Random random = new Random(42);
        PassageScorer lucene = new PassageScorer();
        ReusingPassageScorer ours = new ReusingPassageScorer();
        for (int round = 0; round < 2_000; round++) {
            // Few distinct words repeated (the usual passage), many distinct, and past the scan limit.
            int matches = 1 + random.nextInt(round % 10 == 0 ? 3 * ReusingPassageScorer.SCAN_LIMIT : 12);
            Passage p = passage(random, matches, 1 + random.nextInt(round % 2 == 0 ? 4 : 40));
            int contentLength = p.getEndOffset() + random.nextInt(5_000);
            assertEquals(lucene.score(p, contentLength), ours.score(p, contentLength), "passage " + round + ": " + p);
        }
    }
}
