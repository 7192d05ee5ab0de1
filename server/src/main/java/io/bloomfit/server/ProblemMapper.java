package io.bloomfit.server;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the api's user-error exceptions ({@link IllegalArgumentException}: unknown plugin name, invalid value)
 * into 400 responses with an RFC 9457 problem body, so clients get the same message the CLI prints.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<IllegalArgumentException> {

    /** RFC 9457 problem details. */
    public record Problem(String type, String title, int status, String detail) {
    }

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type("application/problem+json")
                .entity(new Problem("about:blank", "Bad request", 400, e.getMessage()))
                .build();
    }

}
