package dev.cachet.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.providers.ProviderException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Failures below HTTP, against real sockets: each says where cachet tried to connect and why, in words. */
class ConnectionFailureTest {
    private static final RetryPolicy TWICE = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1),
            RandomGenerator.of("L64X128MixRandom"));

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final RetryingTransport transport = new RetryingTransport("anthropic", Duration.ofSeconds(10), TWICE, d -> { });

    @Test
    void a_refused_connection_names_host_and_port() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + port + "/v1/messages");

        assertThatThrownBy(() -> transport.send("POST", nobody, Map.of(), "{}"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("anthropic: cannot connect to 127.0.0.1:" + port + " (connection refused) (gave up after 2 attempts)");
    }

    @Test
    void a_connection_closed_before_the_answer_names_host_and_port_and_no_exception_class() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        }
        URI uri = server.url("/v1/messages").uri();

        assertThatThrownBy(() -> transport.send("POST", uri, Map.of(), "{}"))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("anthropic: the connection to " + uri.getHost() + ":" + uri.getPort())
                .hasMessageEndingWith("(gave up after 2 attempts)")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void a_default_port_is_the_schemes() {
        IOException refused = new java.net.ConnectException();

        assertThat(ConnectionFailure.describe(URI.create("https://api.anthropic.com/v1/messages"), refused, Duration.ZERO))
                .isEqualTo("cannot connect to api.anthropic.com:443 (connection refused)");
        assertThat(ConnectionFailure.describe(URI.create("http://localhost/v1"), new java.net.UnknownHostException("x"),
                Duration.ZERO)).isEqualTo("cannot connect to localhost:80 (unknown host)");
    }
}
