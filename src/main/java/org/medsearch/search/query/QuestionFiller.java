package org.medsearch.search.query;

import org.medsearch.index.Analyzers;

import java.util.HashSet;
import java.util.Set;

/**
 * Words of greeting, thanks and asking ('hi', 'thank you', 'I was wondering', 'please tell me') that
 * carry no medical meaning. English stop words miss them, and in a long message they match thousands
 * of sections; nor do pronouns and auxiliaries ('my', 'can', 'has'), which Lucene's short English stop
 * list keeps. Held in analysed (stemmed) form, as the query words are.
 */
final class QuestionFiller {
    private static final String WORDS = """
            hi hello hey dear thanks thank thankyou please pls kindly regards sincerely
            wonder wondering curious question questions ask asking asked answer answers help helping
            know knowing tell telling explain information info inform advice advise
            would could should like want wanted need needs really very just also anyone anybody someone somebody
            get got getting find found look looking something anything thing things much many lot
            i me my mine myself you your yours he him his she her hers we us our ours them it's its
            can do does did doing done has have had having am were been being
            what how when where which who whom whose from about so than too some any all ok okay yes
            """;
    private static final Set<String> STEMS = stems(WORDS);

    private QuestionFiller() {
    }

    static boolean isFiller(String stem) {
        return STEMS.contains(stem);
    }

    private static Set<String> stems(String words) {
        Set<String> out = new HashSet<>();
        for (String w : words.trim().split("\\s+")) {
            out.addAll(Analyzers.tokens(w));
        }
        return Set.copyOf(out);
    }
}
