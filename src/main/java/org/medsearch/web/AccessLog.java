package org.medsearch.web;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;

/**
 * One line per request, written by Jetty's {@link CustomRequestLog} once the response is complete (so
 * it sees 414/431 refusals, static files and the final byte count too):
 * {@code [2026-12-01T23:04:05.123Z] GET /api/search 200 12ms 5308B}. The query string is left out unless
 * asked for, and always when queries must not be logged.
 */
final class AccessLog {
    private AccessLog() {
    }

    /** Jetty's format: UTC time, method, path, status, milliseconds, bytes of the body; {@code %q} adds {@code ?query}. */
    static String format(WebConfig.Logging logging) {
        boolean query = logging.accessQuery() && logging.logQueries();
        return "%{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'|UTC}t %m %U" + (query ? "%q" : "") + " %s %{ms}Tms %OB";
    }

    /** The request log for a server, or null when the access log is off. */
    static RequestLog of(WebConfig.Logging logging) {
        LogSink sink = LogSink.open(logging.accessLog());
        return sink.enabled() ? new CustomRequestLog((RequestLog.Writer) sink::line, format(logging)) : null;
    }
}
