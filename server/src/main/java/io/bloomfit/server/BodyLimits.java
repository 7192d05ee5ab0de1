package io.bloomfit.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Request body limits: specs up to {@code bloomfit.server.max-spec-body} (1 MiB), anything else (dataset uploads)
 * up to {@code bloomfit.server.max-body} (64 MiB); a larger body gets 413. A declared {@code Content-Length} is
 * checked before the body is read ({@link HttpRoutes}); bodies without one are counted as they are read.
 */
@ApplicationScoped
public class BodyLimits {

    private final ServerSettings settings;

    @Inject
    public BodyLimits(ServerSettings settings) {
        this.settings = settings;
    }

    /**
     * Why a request to {@code path} that declares {@code contentLength} is refused (413), or {@code null} when it is
     * within the limit of its path (or declares no valid length: those are counted as they are read). Checked once,
     * for every path, at the HTTP layer ({@link HttpRoutes}), ahead of Quarkus' own bound, whose 413 has no problem
     * body.
     */
    String declaredTooLarge(String path, String contentLength) {
        if (contentLength == null) {
            return null;
        }
        long declared;
        try {
            declared = Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return null; // the HTTP layer answers malformed headers
        }
        long limit = path != null && path.startsWith("/api/experiments") ? settings.maxSpecBody() : settings.maxBody();
        return declared > limit ? tooLarge(declared + " bytes", limit) : null;
    }

    /** Refuses a spec body over the spec limit (413). */
    void requireSpecSize(String body) {
        if (body != null && body.length() > 0) {
            long bytes = body.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > settings.maxSpecBody()) {
                throw new WebApplicationException(tooLarge(bytes + " bytes", settings.maxSpecBody()), 413);
            }
        }
    }

    /**
     * Copies an upload to {@code out}, refusing it (413) once it passes {@code bloomfit.server.max-body}.
     *
     * @return the bytes copied
     */
    long copyUpload(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > settings.maxBody()) {
                throw new WebApplicationException(tooLarge("more than " + settings.maxBody() + " bytes",
                        settings.maxBody()), 413);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static String tooLarge(String size, long limit) {
        return "the request body (" + size + ") is over the limit of " + limit + " bytes (bloomfit.server.max-body "
                + "for uploads, bloomfit.server.max-spec-body for specs)";
    }
}
