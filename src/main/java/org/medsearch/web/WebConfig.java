package org.medsearch.web;

/**
 * Server settings.
 *
 * @param host          interface to listen on
 * @param port          port to listen on (0 for any free port)
 * @param maxQueryChars longest query accepted; longer ones get 414
 * @param admission     how the search slots are shared among clients
 * @param logging       the access log and the slow-query log
 */
public record WebConfig(String host, int port, int maxQueryChars, AdmissionLimits admission, Logging logging) {
    /** Settings with the default sharing of search slots and no logs (tests, embedded use; {@code serve} turns them on). */
    public WebConfig(String host, int port, int maxQueryChars) {
        this(host, port, maxQueryChars, AdmissionLimits.defaults(), Logging.OFF);
    }

    /** Defaults: loopback, port 7070, queries up to 20,000 characters, no logs. */
    public static WebConfig defaults() {
        return new WebConfig("127.0.0.1", 7070, 20_000);
    }

    public WebConfig withPort(int port) {
        return new WebConfig(host, port, maxQueryChars, admission, logging);
    }

    public WebConfig withAdmission(AdmissionLimits limits) {
        return new WebConfig(host, port, maxQueryChars, limits, logging);
    }

    public WebConfig withLogging(Logging logging) {
        return new WebConfig(host, port, maxQueryChars, admission, logging);
    }

    /**
     * Where requests and slow searches are logged.
     *
     * @param accessLog     one line per request: {@code stdout}, {@code stderr}, {@code off} or a file to append to
     * @param accessQuery   the access log shows query strings too (never when {@code logQueries} is false)
     * @param slowLog       searches slower than {@code slowMillis}, with how they were understood; same targets
     * @param slowMillis    the threshold of the slow-query log (0 logs every search)
     * @param logQueries    false: no query text is ever written to a log (medical questions are sensitive)
     */
    public record Logging(String accessLog, boolean accessQuery, String slowLog, long slowMillis, boolean logQueries) {
        /** No logs at all. */
        public static final Logging OFF = new Logging(LogSink.OFF, false, LogSink.OFF, 1000, true);

        /** What {@code medsearch serve} does unless told otherwise: both logs to stdout, searches over 1 s. */
        public static Logging defaults() {
            return new Logging(LogSink.STDOUT, false, LogSink.STDOUT, 1000, true);
        }
    }
}
