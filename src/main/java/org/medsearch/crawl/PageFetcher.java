package org.medsearch.crawl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * One HTTP exchange at a time with the JDK client: our user agent, no automatic redirects (the crawler checks
 * each hop against host and robots rules), a time limit on the whole response, bodies cut off at a size limit
 * and read only when wanted (a PDF is never downloaded).
 */
final class PageFetcher implements AutoCloseable {
    /** A response: status, headers, and the body when it was wanted. */
    record Response(URI uri, int status, HttpHeaders headers, byte[] body, boolean truncated) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The media type, lower case, without parameters ("" when absent). */
        String mediaType() {
            return PageFetcher.mediaType(headers);
        }

        /** The charset parameter of Content-Type, when given. */
        Optional<String> charset() {
            return header("Content-Type").flatMap(PageFetcher::charsetOf);
        }
    }

    private final HttpClient client;
    private final String userAgent;
    private final Duration timeout;
    private final long maxBytes;
    private volatile CompletableFuture<?> inFlight;

    PageFetcher(String userAgent, Duration timeout, long maxBytes) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                // Plain HTTP/1.1: an h2c upgrade attempt confuses some small servers and buys a crawler nothing.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /**
     * Sends a GET; the body is read (up to the size limit) only for a 200 whose media type {@code wanted} accepts.
     *
     * @throws IOException          on network failure or when the whole exchange takes longer than the timeout
     * @throws InterruptedException when {@link #cancel()} aborted it (the crawl is stopping)
     */
    Response get(URI uri, Map<String, String> headers, Predicate<String> wanted)
            throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5");
        headers.forEach(req::header);
        HttpResponse.BodyHandler<LimitedBodySubscriber.Body> handler = info -> new LimitedBodySubscriber(
                info.statusCode() == 200 && wanted.test(mediaType(info.headers())) ? maxBytes : 0);
        CompletableFuture<HttpResponse<LimitedBodySubscriber.Body>> future = client.sendAsync(req.build(), handler);
        inFlight = future;
        try {
            HttpResponse<LimitedBodySubscriber.Body> r = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            boolean wantedBody = r.statusCode() == 200 && wanted.test(mediaType(r.headers()));
            return new Response(uri, r.statusCode(), r.headers(), r.body().bytes(), wantedBody && r.body().truncated());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("no complete answer within " + timeout.toSeconds() + " s");
        } catch (java.util.concurrent.CancellationException e) {
            throw new InterruptedException("stopped");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.util.concurrent.CancellationException) {
                throw new InterruptedException("stopped");
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                // The client's own timeout can fire first: the same failure, so the same words.
                throw new IOException("no complete answer within " + timeout.toSeconds() + " s");
            }
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        } finally {
            inFlight = null;
        }
    }

    /** Aborts the request in flight, if any (Ctrl-C). */
    void cancel() {
        CompletableFuture<?> f = inFlight;
        if (f != null) {
            f.cancel(true);
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    static String mediaType(HttpHeaders h) {
        return h.firstValue("Content-Type").map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
    }

    static Optional<String> charsetOf(String contentType) {
        for (String param : contentType.split(";")) {
            String[] kv = param.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                String v = kv[1].strip().replace("\"", "").replace("'", "");
                return v.isEmpty() ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
