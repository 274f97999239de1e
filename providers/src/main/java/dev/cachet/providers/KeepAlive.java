package dev.cachet.providers;

import dev.cachet.context.window.Window;

/**
 * Keeps a provider's cached prefix from expiring while a session idles: the window sent last, sent again as cheaply
 * as the provider allows, so that the provider reads its prefix from the cache and the cache's lifetime starts anew.
 */
@FunctionalInterface
public interface KeepAlive {
    /**
     * @param window the window of the session's last request, as it was sent
     * @throws ProviderException when the provider does not answer
     */
    ModelResponse ping(Window window);
}
