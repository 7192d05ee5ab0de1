package io.bloomfit.server;

import io.bloomfit.store.jdbc.EventKind;
import io.bloomfit.store.jdbc.ExperimentDatabase;
import io.bloomfit.store.jdbc.ExperimentRecord;
import io.bloomfit.store.jdbc.StoredEvent;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events of experiments ({@code GET /api/experiments/{id}/events}). A client first gets the current
 * state (a {@code status} event whose data is the experiment's view, as {@code GET /api/experiments/{id}} shows
 * it), then the stored events after its {@code Last-Event-ID} (all of them for a new client), then new ones as they
 * are recorded. Events come from the database (one query per watched experiment every {@value #POLL_MILLIS} ms,
 * however many clients watch it), so runs of the CLI that record into the same database stream too.
 */
@ApplicationScoped
public class EventStream {

    static final long POLL_MILLIS = 250;
    private static final Logger LOG = Logger.getLogger(EventStream.class);

    private final ExperimentDatabase database;
    private final ExperimentService service;
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bloomfit-events");
        t.setDaemon(true);
        return t;
    });

    /** One connected client and the last event it was sent. */
    private static final class Subscriber {
        final SseEventSink sink;
        final Sse sse;
        volatile long lastSeq;

        Subscriber(SseEventSink sink, Sse sse, long lastSeq) {
            this.sink = sink;
            this.sse = sse;
            this.lastSeq = lastSeq;
        }

        void send(String name, long seq, String data) {
            var builder = sse.newEventBuilder().name(name).data(String.class, data)
                    .mediaType(MediaType.APPLICATION_JSON_TYPE);
            if (seq > 0) {
                builder.id(Long.toString(seq));
            }
            sink.send(builder.build());
        }
    }

    @Inject
    public EventStream(ExperimentDatabase database, ExperimentService service) {
        this.database = database;
        this.service = service;
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Sends the current state and the stored events to a new client, then keeps it for new events. */
    void subscribe(String id, long lastEventId, SseEventSink sink, Sse sse) {
        ExperimentRecord record = service.get(id);
        long last = lastEventId;
        Subscriber s = new Subscriber(sink, sse, last);
        s.send(EventKind.STATUS.specName(), 0, ExperimentJson.of(record, service.progress(id), false).toString());
        for (StoredEvent e : database.events(id, last)) {
            s.send(e.kind().specName(), e.seq(), e.data());
            s.lastSeq = e.seq();
        }
        subscribers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(s);
    }

    private void poll() {
        for (Map.Entry<String, List<Subscriber>> entry : subscribers.entrySet()) {
            List<Subscriber> list = entry.getValue();
            list.removeIf(s -> s.sink.isClosed());
            if (list.isEmpty()) {
                subscribers.remove(entry.getKey(), list);
                continue;
            }
            try {
                long from = list.stream().mapToLong(s -> s.lastSeq).min().orElse(0);
                List<StoredEvent> events = database.events(entry.getKey(), from);
                for (Subscriber s : list) {
                    for (StoredEvent e : events) {
                        if (e.seq() > s.lastSeq) {
                            s.send(e.kind().specName(), e.seq(), e.data());
                            s.lastSeq = e.seq();
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("events of %s not sent: %s", entry.getKey(), e.getMessage());
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
        subscribers.values().forEach(list -> list.forEach(s -> s.sink.close()));
    }
}
