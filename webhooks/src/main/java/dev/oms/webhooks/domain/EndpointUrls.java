package dev.oms.webhooks.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** An endpoint's URL must be absolute http or https with a host. */
public final class EndpointUrls {
    private EndpointUrls() {}

    public static Optional<String> problemWith(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("the URL is empty");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("the URL must start with http:// or https://");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.of("the URL has no host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("the URL is not valid: " + e.getReason());
        }
    }
}
