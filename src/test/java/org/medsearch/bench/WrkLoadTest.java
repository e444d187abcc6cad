package org.medsearch.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's wrk rows: what wrk is asked for, how its figures are read, and (where wrk is installed) a real run. */
class WrkLoadTest {
    @TempDir
    Path work;

    @Test
    void readsTheFiguresOfItsResultLine() throws IOException {
        Latencies l = WrkLoad.parse("Running 10s test @ http://127.0.0.1:1\n  2 threads and 8 connections\n"
                + "medsearch-wrk requests=13796 duration_us=10031962 errors=2 status=5 p50_us=5456 p95_us=10079 p99_us=13518\n");
        assertEquals(13796, l.count());
        assertEquals(1375.2, l.perSecond(), 0.1);
        assertEquals(5.456, l.p50Ms(), 1e-9);
        assertEquals(10.079, l.p95Ms(), 1e-9);
        assertEquals(13.518, l.p99Ms(), 1e-9);
        assertEquals(7, l.errors(), "socket errors and non-2xx answers");
    }

    @Test
    void saysWhatWrkPrintedWhenThereIsNoResult() {
        IOException e = assertThrows(IOException.class, () -> WrkLoad.parse("unable to connect to 127.0.0.1:1 Connection refused"));
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
    }

    @Test
    void everyPathIsALuaStringEvenWithQuotes() {
        String script = WrkLoad.script(List.of("/api/search?q=heart+attack", "/odd?q=\"x\\y\""));
        assertTrue(script.contains("\"/api/search?q=heart+attack\","), script);
        assertTrue(script.contains("\"/odd?q=\\\"x\\\\y\\\"\","), script);
        assertTrue(script.contains("function done("), script);
    }

    @Test
    void countsAnswersAndErrorsOfARealServer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", x -> {
            x.sendResponseHeaders(200, 2);
            x.getResponseBody().write("ok".getBytes());
            x.close();
        });
        server.createContext("/missing", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.start();
        try {
            Optional<WrkLoad> wrk = WrkLoad.find("http://127.0.0.1:" + server.getAddress().getPort(), work);
            Assumptions.assumeTrue(wrk.isPresent(), "wrk is not on the PATH (Debian: apt-get install wrk): skipped");
            Duration second = Duration.ofSeconds(1);
            Latencies ok = wrk.get().run(List.of("/ok"), 2, second, second);
            assertTrue(ok.count() > 0);
            assertEquals(0, ok.errors());
            Latencies missing = wrk.get().run(List.of("/ok", "/missing"), 2, second, second);
            assertTrue(missing.errors() > 0 && missing.errors() < missing.count(), missing.toString());
        } finally {
            server.stop(0);
        }
    }
}
