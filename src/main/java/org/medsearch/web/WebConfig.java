package org.medsearch.web;

/**
 * Server settings.
 *
 * @param host          interface to listen on
 * @param port          port to listen on (0 for any free port)
 * @param maxQueryChars longest query accepted; longer ones get 414
 * @param admission     how the search slots are shared among clients
 */
public record WebConfig(String host, int port, int maxQueryChars, AdmissionLimits admission) {
    /** Settings with the default sharing of search slots. */
    public WebConfig(String host, int port, int maxQueryChars) {
        this(host, port, maxQueryChars, AdmissionLimits.defaults());
    }

    /** Defaults: loopback, port 7070, queries up to 20,000 characters. */
    public static WebConfig defaults() {
        return new WebConfig("127.0.0.1", 7070, 20_000);
    }

    public WebConfig withPort(int port) {
        return new WebConfig(host, port, maxQueryChars, admission);
    }

    public WebConfig withAdmission(AdmissionLimits limits) {
        return new WebConfig(host, port, maxQueryChars, limits);
    }
}
