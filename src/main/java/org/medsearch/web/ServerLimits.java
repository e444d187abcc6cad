package org.medsearch.web;

/**
 * The limits the server puts on every request, so no single client can hold it up: sizes are checked
 * before any handler runs, and idle connections are closed.
 */
public final class ServerLimits {
    /** Request line plus headers; a pasted 10 KB question must fit in the URL. Beyond it Jetty answers 414/431. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Request bodies: no route takes a large body, so anything beyond this is refused with 413 unread. */
    public static final long MAX_BODY_BYTES = 64 * 1024;
    /** A connection that sends nothing for this long is closed (slow-loris clients hold no thread for long). */
    public static final long IDLE_TIMEOUT_MS = 30_000;

    private ServerLimits() {
    }
}
