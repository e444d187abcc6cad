package org.medsearch.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders the Mustache page templates in {@code resources/templates}; {@code {{x}}} HTML-escapes. */
final class Templates {
    private final MustacheFactory factory = new DefaultMustacheFactory("templates");
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    /** Renders {@code templates/<name>.mustache} with a model. */
    String render(String name, Map<String, Object> model) {
        Mustache m = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
        StringWriter out = new StringWriter();
        m.execute(out, model);
        return out.toString();
    }
}
