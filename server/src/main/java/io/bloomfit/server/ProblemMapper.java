package io.bloomfit.server;

import io.bloomfit.api.plugin.UnknownPluginException;
import io.bloomfit.data.DatasetLoadException;
import io.bloomfit.experiment.spec.SpecException;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns every exception a resource throws into an RFC 9457 problem body ({@code application/problem+json}).
 * Only errors a client can fix are 4xx, with the same message the CLI prints: a spec that does not validate
 * ({@link SpecException}), an unknown plugin name ({@link UnknownPluginException}), a dataset that cannot be read
 * ({@link DatasetLoadException}), a body that is not JSON ({@link JsonProcessingException}), and the HTTP errors
 * resources raise themselves ({@link WebApplicationException}, e.g. a missing query parameter, with its status).
 * Anything else is a bug (ours or a plugin's): 500, with a body that says so and does not blame the request, and
 * the stack trace in the server log under an error id the body names.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** RFC 9457 problem details. */
    public record Problem(String type, String title, int status, String detail) {
    }

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return problem(status.getStatusCode(), status.getReasonPhrase(), e.getMessage());
        }
        if (isUserError(e)) {
            return problem(400, "Bad request", e instanceof JsonProcessingException json
                    ? "the request body is not valid JSON: " + json.getOriginalMessage() : e.getMessage());
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "error %s: unexpected failure while handling a request", id);
        return problem(500, "Internal server error", "the server failed while handling this request; this is a "
                + "fault in the server or a plugin, not in the request. The server log has the details under error "
                + id);
    }

    /** Whether {@code e} is an error the client caused and can fix by changing the request. */
    static boolean isUserError(Throwable e) {
        return e instanceof SpecException || e instanceof UnknownPluginException || e instanceof DatasetLoadException
                || e instanceof JsonProcessingException;
    }

    private static Response problem(int status, String title, String detail) {
        return Response.status(status)
                .type("application/problem+json")
                .entity(new Problem("about:blank", title, status, detail))
                .build();
    }
}
