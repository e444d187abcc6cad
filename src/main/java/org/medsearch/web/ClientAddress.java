package org.medsearch.web;

import io.javalin.http.Context;

import java.util.Set;

/**
 * Who a request comes from, for sharing the search slots: the peer's address, or, when the peer is one of
 * the configured trusted proxies, the nearest address in {@code X-Forwarded-For} that is not a trusted
 * proxy (entries further left were written by the client itself and could be anything).
 */
final class ClientAddress {
    /** Longest forwarding chain read: a longer header is someone's invention. */
    private static final int MAX_HOPS = 20;
    private final Set<String> trustedProxies;

    ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** The client a request is counted against. */
    String of(Context ctx) {
        return of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    String of(String peer, String forwardedFor) {
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= Math.max(0, hops.length - MAX_HOPS); i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                break;
            }
        }
        return client;
    }
}
