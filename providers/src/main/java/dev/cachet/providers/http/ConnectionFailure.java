package dev.cachet.providers.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * A request that failed below HTTP, said in words with the host and port it went to: the JDK's client names only an
 * exception class (ConnectException, ClosedChannelException), often with no message at all.
 */
final class ConnectionFailure {
    private ConnectionFailure() {}

    /** E.g. "cannot connect to api.anthropic.com:443 (connection refused)". */
    static String describe(URI uri, IOException failure, Duration connectTimeout) {
        String where = uri.getHost() + ":" + port(uri);
        if (failure instanceof HttpConnectTimeoutException) {
            return "cannot connect to " + where + " (no connection within " + connectTimeout.toSeconds() + " s)";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "cannot connect to " + where + " (unknown host)";
            }
            if (cause instanceof ConnectException) {
                return "cannot connect to " + where + " (" + reason(cause, "connection refused") + ")";
            }
            if (cause instanceof SSLException) {
                return "TLS with " + where + " failed (" + reason(cause, "handshake failed") + ")";
            }
            if (cause instanceof ClosedChannelException || cause instanceof EOFException) {
                return "the connection to " + where + " closed before the answer was complete";
            }
        }
        return "the connection to " + where + " failed (" + reason(failure, "no reason given") + ")";
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static String reason(Throwable cause, String otherwise) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? otherwise : message.strip().toLowerCase(Locale.ROOT);
    }
}
