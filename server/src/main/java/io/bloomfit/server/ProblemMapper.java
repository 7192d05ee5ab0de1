package io.bloomfit.server;

import io.bloomfit.api.plugin.UnknownPluginException;
import io.bloomfit.data.DatasetLoadException;
import io.bloomfit.experiment.spec.SpecException;
import io.bloomfit.experiment.spec.SpecProblem;
import io.bloomfit.store.jdbc.StoreException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns every exception a resource throws into an RFC 9457 problem body ({@code application/problem+json}).
 * Only errors a client can fix are 4xx, with the same message the CLI prints: a spec that does not validate
 * ({@link SpecException}, 400, every problem also listed with its field path in {@code problems}), an unknown
 * plugin name ({@link UnknownPluginException}), a dataset that cannot be read ({@link DatasetLoadException}), a body
 * that is not JSON ({@link JsonProcessingException}), the HTTP errors resources raise themselves
 * ({@link WebApplicationException}, e.g. a missing query parameter, with its status), a request the experiment's
 * state does not allow ({@link ExperimentConflictException}, 409) and a full queue ({@link QueueFullException}, 429
 * with {@code Retry-After}). A database that cannot be reached is 503. Anything else is a bug (ours or a plugin's):
 * 500, with a body that says so and does not blame the request, and the stack trace in the server log under an
 * error id the body names.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * RFC 9457 problem details.
     *
     * @param problems for an invalid spec, every problem with its field path; otherwise absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail, List<SpecProblem> problems) {
    }

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return problem(status.getStatusCode(), status.getReasonPhrase(), e.getMessage());
        }
        if (e instanceof SpecException spec) {
            return Response.status(400).type(PROBLEM_JSON)
                    .entity(new Problem("about:blank", "Bad request", 400, e.getMessage(), spec.problems())).build();
        }
        if (e instanceof ExperimentConflictException) {
            return problem(409, "Conflict", e.getMessage());
        }
        if (e instanceof QueueFullException full) {
            return Response.fromResponse(problem(429, "Too many requests", e.getMessage()))
                    .header("Retry-After", full.retryAfterSeconds()).build();
        }
        if (isUserError(e)) {
            return problem(400, "Bad request", e instanceof JsonProcessingException json
                    ? "the request body is not valid JSON: " + json.getOriginalMessage() : e.getMessage());
        }
        String id = UUID.randomUUID().toString();
        if (e instanceof StoreException) {
            LOG.errorf(e, "error %s: the experiment store failed", id);
            return problem(503, "Service unavailable", "the experiment store cannot be used right now; the server "
                    + "log has the details under error " + id);
        }
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

    static Response problem(int status, String title, String detail) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(new Problem("about:blank", title, status, detail, null))
                .build();
    }

    /** A problem body as text, for the HTTP layer below the REST resources. */
    static String problemJson(int status, String title, String detail) {
        try {
            return JSON.writeValueAsString(new Problem("about:blank", title, status, detail, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of plain values always serialises", e);
        }
    }
}
