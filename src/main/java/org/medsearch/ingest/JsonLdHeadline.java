package org.medsearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The {@code headline} a page states in its JSON-LD (schema.org Article, NewsArticle, BlogPosting ...): the
 * title as the publisher wrote it, without the site's name.
 */
final class JsonLdHeadline {
    private static final Evaluator LD_JSON = QueryParser.parse("script[type=application/ld+json]");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A headline longer than this is a description put in the wrong field. */
    private static final int MAX_HEADLINE = 300;

    private JsonLdHeadline() {
    }

    /** The first headline in the page's JSON-LD blocks (top level, an array, or an {@code @graph}), or null. */
    static String of(Document doc) {
        for (Element script : doc.select(LD_JSON)) {
            String json = script.childNodeSize() > 0 && script.childNode(0) instanceof DataNode d
                    ? d.getWholeData() : script.data();
            String headline = headline(json);
            if (headline != null) {
                return headline;
            }
        }
        return null;
    }

    private static String headline(String json) {
        if (!json.contains("\"headline\"")) {
            return null;
        }
        try {
            return find(JSON.readTree(json));
        } catch (JsonProcessingException badJson) {
            // Broken JSON-LD is common (trailing commas, raw newlines); the page still has other titles.
            return null;
        }
    }

    private static String find(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                String h = find(item);
                if (h != null) {
                    return h;
                }
            }
            return null;
        }
        JsonNode headline = node.get("headline");
        if (headline != null && headline.isTextual()) {
            String t = Texts.normalize(headline.asText());
            if (!t.isEmpty() && t.length() <= MAX_HEADLINE) {
                return t;
            }
        }
        return node.has("@graph") ? find(node.get("@graph")) : null;
    }
}
