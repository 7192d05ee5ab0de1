package io.bloomfit.server;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * What the server does on every request outside the REST resources, at the HTTP layer so that it covers the web
 * page and {@code /q/*} too: the API key check (first; every path but {@code /q/health} and the web page's own
 * static files, which hold no data), a 413 problem for a declared body length over {@link BodyLimits}' limit (before
 * Quarkus' own bound answers without a body) and a problem body for paths nothing serves (last).
 */
@ApplicationScoped
public class HttpRoutes {

    private final Optional<String> apiKey;
    private final BodyLimits limits;

    @Inject
    public HttpRoutes(ServerSettings settings, BodyLimits limits) {
        this.apiKey = settings.apiKey().filter(k -> !k.isBlank());
        this.limits = limits;
    }

    void install(@Observes Router router) {
        if (apiKey.isPresent()) {
            router.route().order(Integer.MIN_VALUE + 100).handler(this::requireKey);
        }
        // before Quarkus' own max-body-size check (order -2), which answers 413 without a body
        router.route().order(Integer.MIN_VALUE + 200).handler(this::limitDeclaredLength);
        router.route().last().handler(HttpRoutes::notFound);
    }

    private void limitDeclaredLength(RoutingContext ctx) {
        String refusal = limits.declaredTooLarge(ctx.normalizedPath(),
                ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (refusal == null) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close"); // the body is not read
        send(ctx, 413, "Content too large", refusal);
    }

    /**
     * The web page's own files: they hold no data (the page asks for the key and sends it with every API call), and
     * a browser cannot send an Authorization header when it opens a page, so with a key they must load without one.
     */
    private static final java.util.Set<String> PAGE_FILES = java.util.Set.of("/", "/index.html", "/app.js",
            "/app.css", "/favicon.svg");

    private void requireKey(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean pageFile = PAGE_FILES.contains(path) || path.startsWith("/examples/") && path.endsWith(".yaml");
        if (path.equals("/q/health") || path.startsWith("/q/health/")
                || pageFile && ctx.request().method() == io.vertx.core.http.HttpMethod.GET) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        String expected = "Bearer " + apiKey.orElseThrow();
        if (header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"bloomfit\"");
        send(ctx, 401, "Unauthorized", header == null
                ? "this server needs an API key: send the header 'Authorization: Bearer <key>' (bloomfit.server.api-key)"
                : "the API key in the Authorization header is not this server's key");
    }

    private static void notFound(RoutingContext ctx) {
        send(ctx, 404, "Not Found", "nothing is served at " + ctx.request().method() + " " + ctx.normalizedPath()
                + "; the API is under /api (see /q/openapi), the web page at /");
    }

    private static void send(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .end(ProblemMapper.problemJson(status, title, detail));
    }
}
