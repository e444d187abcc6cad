package org.medsearch.index.embed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Run by {@link EmbedderOfflineIT} in a child JVM: loads the embedder with every Java route to the network trapped,
 * embeds, and prints what it saw. Host-name lookups go through {@link RefusingResolver} (registered for the child only)
 * and every HTTP, HTTPS and plain-socket connection asks the {@link ProxySelector}, so any attempt is recorded.
 */
final class OfflineProbe {

    static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();

    private OfflineProbe() {
    }

    public static void main(String[] args) {
        ProxySelector.setDefault(new RefusingProxySelector());
        try (Embedder embedder = Embedder.load()) {
            float[] query = embedder.embedQuery("heart attack symptoms");
            float[] passage = embedder.embedPassages(List.of("heart attack symptoms", "head lice")).getFirst();
            System.out.println("dimension=" + query.length);
            System.out.println("unit=" + (Math.abs(Vectors.dot(query, query) - 1) < 1e-5));
            System.out.println("sameAsQuery=" + java.util.Arrays.equals(query, passage));
        }
        System.out.println("attempts=" + ATTEMPTS);
        // Proves the trap is live in this JVM: without it a silent attempt above would have gone unnoticed.
        try {
            InetAddress.getByName("huggingface.co");
            System.out.println("trap=not armed");
        } catch (UnknownHostException e) {
            System.out.println(ATTEMPTS.contains("lookup huggingface.co") ? "trap=armed" : "trap=not armed");
        }
    }

    /** Records and refuses every connection that Java's HTTP clients or sockets would make. */
    private static final class RefusingProxySelector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            ATTEMPTS.add("connect " + uri);
            throw new IllegalStateException("offline test: refused connection to " + uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
        }
    }

    /** Records and refuses every host-name lookup; installed through META-INF/services in the child's class path. */
    public static final class RefusingResolver extends InetAddressResolverProvider {
        @Override
        public InetAddressResolver get(Configuration configuration) {
            return new InetAddressResolver() {
                @Override
                public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                    ATTEMPTS.add("lookup " + host);
                    throw new UnknownHostException("offline test: refused lookup of " + host);
                }

                @Override
                public String lookupByAddress(byte[] address) throws UnknownHostException {
                    ATTEMPTS.add("reverse lookup");
                    throw new UnknownHostException("offline test: refused reverse lookup");
                }
            };
        }

        @Override
        public String name() {
            return "refusing";
        }
    }
}
