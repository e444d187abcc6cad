package org.medsearch.web;

/**
 * Server settings.
 *
 * @param host          interface to listen on
 * @param port          port to listen on (0 for any free port)
 * @param maxQueryChars longest query accepted; longer ones get 414
 */
public record WebConfig(String host, int port, int maxQueryChars) {
    /** Defaults: loopback, port 7070, queries up to 20,000 characters. */
    public static WebConfig defaults() {
        return new WebConfig("127.0.0.1", 7070, 20_000);
    }

    public WebConfig withPort(int port) {
        return new WebConfig(host, port, maxQueryChars);
    }
}
