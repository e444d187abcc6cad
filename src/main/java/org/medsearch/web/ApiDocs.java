package org.medsearch.web;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The API's description: the OpenAPI 3.1 document at {@code /openapi.json} (a resource kept true by
 * {@code OpenApiTest}, which checks it against the routes and real responses) and an interactive page
 * at {@code /api/docs}, Swagger UI served from its webjar.
 */
final class ApiDocs {
    static final String PATH = "/api/docs";
    private static final String DOCUMENT = "/openapi.json";
    private static final String SWAGGER_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final Templates templates;
    private final byte[] document;
    private final String swaggerVersion;

    ApiDocs(Templates templates) {
        this.templates = templates;
        this.document = resource(DOCUMENT);
        this.swaggerVersion = swaggerVersion();
    }

    /** {@code GET /openapi.json}. */
    void openApi(Context ctx) {
        ctx.contentType("application/json").result(document);
    }

    /** {@code GET /api/docs}: Swagger UI over {@code /openapi.json}. */
    void page(Context ctx) {
        ctx.html(templates.render("api-docs", Map.of("swagger", "/webjars/swagger-ui/" + swaggerVersion)));
    }

    /** The webjar's version, from its own Maven metadata, so upgrading it is a pom change only. */
    private static String swaggerVersion() {
        Properties p = new Properties();
        try (InputStream in = ApiDocs.class.getResourceAsStream(SWAGGER_POM)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
