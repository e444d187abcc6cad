package org.medsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.javalin.router.ParsedEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;
import org.medsearch.index.IndexStore;
import org.medsearch.index.Reindex;
import org.medsearch.index.ReindexProgress;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /openapi.json} tells the truth: it names exactly the API routes the server registers, and real
 * responses (successes and errors) match the schema it gives for their route and status.
 */
class OpenApiTest {
    static final String TOKEN = "openapi-test-token";
    /** The document's address for the validator, which resolves each {@code $ref} inside it. */
    static final String BASE = "https://medsearch.invalid/openapi.json";

    @TempDir
    static Path dir;
    static TestServer server;
    static JsonNode doc;
    static SchemaRegistry schemas;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        // Its own folder: a run checked here must not replace the index the other checks read.
        Reindex reindex = new Reindex(TestCorpus.mini(), new IndexStore(dir.resolve("admin-index")), 1, false, ReindexProgress.NONE);
        server = TestServer.start(TestCorpus.miniWithSample(dir.resolve("corpus")), dir, WebConfig.defaults(),
                live -> new AdminReindex(TOKEN, reindex, live));
        HttpResponse<String> r = send("GET", "/openapi.json", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        doc = json.readTree(r.body());
        // The OpenAPI 3.1 dialect: JSON Schema 2020-12 plus OpenAPI's keywords (example, discriminator, ...).
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(BASE, r.body())));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void isOpenApi31WithASchemaForEveryJsonResponse() {
        assertEquals("3.1.0", doc.get("openapi").asText());
        for (Map.Entry<String, JsonNode> op : operations().entrySet()) {
            JsonNode responses = op.getValue().get("responses");
            assertTrue(responses != null && !responses.isEmpty(), op.getKey() + " has no responses");
            responses.fields().forEachRemaining(r -> {
                JsonNode schema = r.getValue().at("/content/application~1json/schema");
                if (!schema.isMissingNode() && !op.getKey().endsWith("/openapi.json")) {
                    String ref = schema.path("$ref").asText();
                    assertTrue(ref.startsWith("#/components/schemas/"), op.getKey() + " " + r.getKey() + ": not a $ref");
                    // Loading it resolves every $ref below it: a dangling one fails here.
                    schemas.getSchema(SchemaLocation.of(BASE + ref)).initializeValidators();
                }
            });
        }
    }

    @Test
    void documentsExactlyTheApiRoutesTheServerRegisters() {
        Set<String> registered = new TreeSet<>();
        for (ParsedEndpoint e : server.app().unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
            String path = e.getEndpoint().getPath().replaceAll("<([^>]+)>", "{$1}");
            if (described(path) && !e.getEndpoint().getMethod().name().equals("HEAD")) {
                registered.add(e.getEndpoint().getMethod().name() + " " + path);
            }
        }
        assertFalse(registered.isEmpty());
        assertEquals(registered, new TreeSet<>(operations().keySet()));
    }

    @Test
    void searchResponsesMatchTheirSchema() throws Exception {
        check("GET", "/api/search?q=" + enc("leg cramps at night"), null, 200);
        check("GET", "/api/search?q=calcium&section=causes,treatment&size=2&page=2", null, 200);
        check("GET", "/api/search?q=asthma&source=Test+Clinic", null, 200);
        check("GET", "/api/search?q=" + enc("astma"), null, 200);
        check("GET", "/api/search?q=anle", null, 200);
        check("GET", "/api/search?q=" + enc("\"leg cramps\" -night"), null, 200);
        check("GET", "/api/search?q=zzzzqqqq", null, 200);
    }

    @Test
    void searchErrorsMatchTheirSchema() throws Exception {
        check("GET", "/api/search", null, 400);
        check("GET", "/api/search?q=x&size=0", null, 400);
        check("GET", "/api/search?q=x&page=abc", null, 400);
        check("GET", "/api/search?q=x&section=nonsense", null, 400);
        check("GET", "/api/search?q=" + "a".repeat(WebConfig.defaults().maxQueryChars() + 1), null, 414);
    }

    @Test
    void articleSuggestAndHealthResponsesMatchTheirSchema() throws Exception {
        JsonNode hit = check("GET", "/api/search?q=asthma", null, 200).get("hits").get(0);
        String id = hit.get("id").asText();
        check("GET", "/api/articles/" + id, null, 200);
        check("GET", "/api/articles/" + id + "/related", null, 200);
        check("GET", "/api/articles/no/such/article", null, 404);
        check("GET", "/api/articles/no/such/article/related", null, 404);
        check("GET", "/api/suggest?q=asth", null, 200);
        check("GET", "/api/suggest", null, 200);
        check("GET", "/health", null, 200);
    }

    @Test
    void adminResponsesMatchTheirSchema() throws Exception {
        check("GET", "/api/admin/reindex", null, 401);
        check("POST", "/api/admin/reindex", "wrong", 401);
        check("GET", "/api/admin/reindex", TOKEN, 200);
        check("POST", "/api/admin/reindex", TOKEN, 202);
        JsonNode status = check("GET", "/api/admin/reindex", TOKEN, 200);
        for (int i = 0; i < 600 && status.get("state").asText().equals("running"); i++) {
            Thread.sleep(100);
            status = check("GET", "/api/admin/reindex", TOKEN, 200);
        }
        assertEquals("done", status.get("state").asText(), "a finished run's summary matched the schema: " + status);
    }

    @Test
    void theApiPageLoadsSwaggerUiFromThisServer() throws Exception {
        HttpResponse<String> page = send("GET", "/api/docs", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/openapi.json"));
        List<String> assets = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.body());
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertTrue(assets.stream().anyMatch(a -> a.endsWith("swagger-ui-bundle.js")), assets.toString());
        for (String asset : assets) {
            assertEquals(200, send("GET", asset, null).statusCode(), asset);
        }
        assertFalse(page.body().contains("https://"), "nothing is loaded from another site");
    }

    /** Sends a request, checks its status is documented for the route and its body matches that schema. */
    private static JsonNode check(String method, String pathAndQuery, String token, int status) throws Exception {
        HttpResponse<String> r = send(method, pathAndQuery, token);
        assertEquals(status, r.statusCode(), method + " " + pathAndQuery + ": " + r.body());
        String route = route(pathAndQuery.replaceFirst("\\?.*", ""));
        JsonNode op = doc.path("paths").path(route).path(method.toLowerCase(Locale.ROOT));
        JsonNode response = op.path("responses").path(Integer.toString(status));
        assertFalse(response.isMissingNode(), method + " " + route + " does not document status " + status);
        String ref = response.at("/content/application~1json/schema/$ref").asText();
        Schema schema = schemas.getSchema(SchemaLocation.of(BASE + ref));
        List<Error> errors = schema.validate(r.body(), InputFormat.JSON);
        assertTrue(errors.isEmpty(), method + " " + pathAndQuery + " does not match " + ref + ": " + errors + "\n" + r.body());
        return json.readTree(r.body());
    }

    /** The documented path a request path falls under ({@code /api/articles/a/b/related} → {@code /api/articles/{id}/related}). */
    private static String route(String path) {
        Iterator<String> paths = doc.path("paths").fieldNames();
        String best = null;
        while (paths.hasNext()) {
            String template = paths.next();
            String regex = template.replaceAll("\\{[^}]+}", "(.+)");
            if (path.matches(regex) && (best == null || template.length() > best.length())) {
                best = template;
            }
        }
        return best == null ? path : best;
    }

    /** "GET /api/search" → its operation object, for every operation in the document. */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> ops = new java.util.TreeMap<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m ->
                ops.put(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey(), m.getValue())));
        return ops;
    }

    /** The routes the document covers: the API and the operational endpoints, not the HTML pages. */
    private static boolean described(String path) {
        return path.startsWith("/api/") || Set.of("/health", "/metrics", "/openapi.json").contains(path);
    }

    private static HttpResponse<String> send(String method, String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
