package io.bloomfit.server;

import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.grid.ResultRowJson;
import io.bloomfit.report.ExperimentSummary;
import io.bloomfit.report.HtmlReport;
import io.bloomfit.report.ReportContext;
import io.bloomfit.store.jdbc.ExperimentDatabase;
import io.bloomfit.store.jdbc.ExperimentRecord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.List;

/**
 * Experiments as resources: submit a spec (JSON or YAML), list and read them, their results (JSON or CSV), summary
 * and HTML report, their live events, recommendations from the models they kept ({@code keepModels: true},
 * {@link KeptModelRecommendations}), and cancel, resume or delete them. Runs happen in {@link ExperimentService}.
 */
@Path("/api/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ExperimentsResource {

    /** Media types a spec may be sent as besides JSON. */
    static final String YAML = "application/yaml";
    static final String TEXT_YAML = "text/yaml";
    static final String CSV = "text/csv";

    @Inject
    ExperimentService service;

    @Inject
    ExperimentDatabase database;

    @Inject
    EventStream events;

    @Inject
    BodyLimits limits;

    @Inject
    KeptModelRecommendations recommendations;

    @Inject
    LoadedModels loadedModels;

    /**
     * Queues a spec (202), or with {@code dryRun=true} only checks it: 200 with what it would run, each point sized
     * on its data ({@link PlanJson}), nothing queued or stored. An invalid spec is 400 either way.
     */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, YAML, TEXT_YAML})
    public Response submit(String body, @Context HttpHeaders headers,
                           @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        limits.requireSpecSize(body);
        MediaType type = headers.getMediaType();
        boolean json = type == null || MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
        if (dryRun) {
            return Response.ok(PlanJson.of(service.plan(body == null ? "" : body, json))).build();
        }
        ExperimentRecord record = service.submit(body == null ? "" : body, json);
        return Response.accepted(ExperimentJson.of(record, null, true))
                .header("Location", "/api/experiments/" + record.id()).build();
    }

    @GET
    public ObjectNode list(@QueryParam("limit") @DefaultValue("50") int limit,
                           @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("query parameter 'limit' must be in 1..1000, was " + limit);
        }
        if (offset < 0) {
            throw new BadRequestException("query parameter 'offset' must be 0 or more, was " + offset);
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode list = o.putArray("experiments");
        for (ExperimentRecord r : database.list(limit, offset)) {
            list.add(ExperimentJson.of(r, service.progress(r.id()), false));
        }
        o.put("total", database.count());
        o.put("limit", limit);
        o.put("offset", offset);
        return o;
    }

    @GET
    @Path("/{id}")
    public ObjectNode get(@PathParam("id") String id) {
        LiveStatus.View live = service.live(id); // the running experiment: from memory, no database call
        ObjectNode view = live != null ? ExperimentJson.of(live.record(), service.progress(id), live.spec())
                : ExperimentJson.of(service.get(id), service.progress(id), true);
        return ExperimentJson.withModels(view, recommendations.kept(id));
    }

    /** The top-k items of a kept model ({@code keepModels: true}) for a user, without the user's training items. */
    @GET
    @Path("/{id}/points/{point}/recommendations")
    public ObjectNode recommendations(@PathParam("id") String id, @PathParam("point") String point,
                                      @QueryParam("user") String user, @QueryParam("k") @DefaultValue("10") int k)
            throws java.io.IOException {
        return recommendations.recommend(id, point, user, k);
    }

    @GET
    @Path("/{id}/results")
    public ObjectNode results(@PathParam("id") String id) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode rows = o.putArray("rows");
        for (ResultRow row : rows(id)) {
            rows.add(ResultRowJson.toJson(row));
        }
        return o;
    }

    @GET
    @Path("/{id}/results")
    @Produces(CSV)
    public String resultsCsv(@PathParam("id") String id) {
        return ResultRowsCsv.render(rows(id));
    }

    /** The console table's rows, with the columns of {@code summary.csv}. */
    @GET
    @Path("/{id}/summary")
    public ObjectNode summary(@PathParam("id") String id) {
        return SummaryJson.of(ExperimentSummary.of(rows(id)));
    }

    /** The self-contained HTML report the CLI writes as {@code report.html}. */
    @GET
    @Path("/{id}/report")
    @Produces(MediaType.TEXT_HTML)
    public String report(@PathParam("id") String id) {
        ExperimentRecord record = service.get(id);
        List<ResultRow> rows = database.rows(id);
        String data = database.dataDescription(id);
        String context;
        try {
            ExperimentSpec spec = service.storedSpec(record);
            context = ReportContext.of(spec, data == null ? "data not loaded yet" : data);
        } catch (RuntimeException e) {
            context = data == null ? "" : data; // a spec whose plugins are gone still has a report
        }
        return HtmlReport.render(record.name(), context, ExperimentSummary.of(rows));
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        long after = 0;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException("header Last-Event-ID must be an event id (a number), was '"
                        + lastEventId + "'");
            }
        }
        events.subscribe(id, after, sink, sse);
    }

    @POST
    @Path("/{id}/cancel")
    public ObjectNode cancel(@PathParam("id") String id) {
        ExperimentRecord r = service.cancel(id);
        return ExperimentJson.of(service.get(r.id()), service.progress(id), false);
    }

    @POST
    @Path("/{id}/resume")
    public Response resume(@PathParam("id") String id) {
        ExperimentRecord r = service.resume(id);
        loadedModels.evict(id); // its points may be fitted and saved again
        return Response.accepted(ExperimentJson.of(r, null, false))
                .header("Location", "/api/experiments/" + r.id()).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(id);
        loadedModels.evict(id);
        return Response.noContent().build();
    }

    private List<ResultRow> rows(String id) {
        service.get(id);
        return database.rows(id);
    }
}
