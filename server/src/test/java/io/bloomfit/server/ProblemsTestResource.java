package io.bloomfit.server;

import io.bloomfit.data.DatasetLoadException;
import io.bloomfit.experiment.spec.SpecException;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only endpoints that fail in each way {@link ProblemMapper} tells apart. */
@Path("/test/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemsTestResource {

    /** A JSON body. */
    public record Body(String name, int count) {
    }

    @GET
    @Path("/spec")
    public String spec() {
        throw new SpecException("request", "grid.ratio[0]", "must be in (0, 1]; was 2.0");
    }

    @GET
    @Path("/dataset")
    public String dataset() {
        throw new DatasetLoadException("clicks.csv:3: expected 2 fields, found 1");
    }

    @GET
    @Path("/illegal-argument")
    public String illegalArgument() {
        // what a bug looks like: a precondition inside our own code failed
        throw new IllegalArgumentException("index 7 out of range for 5 rows");
    }

    @GET
    @Path("/bug")
    public String bug() {
        throw new IllegalStateException("layout cache is corrupt");
    }

    @POST
    @Path("/json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Body json(Body body) {
        return body;
    }
}
