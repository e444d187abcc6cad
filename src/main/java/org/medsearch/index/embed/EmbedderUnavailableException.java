package org.medsearch.index.embed;

/** The bundled embedding model could not be loaded (jar missing from the class path, or ONNX Runtime cannot start here). */
public final class EmbedderUnavailableException extends RuntimeException {

    EmbedderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
