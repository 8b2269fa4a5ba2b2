package org.vigil.app.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.vigil.store.AlertStore;
import org.vigil.store.Journal;
import org.vigil.store.JournalEntry;
import org.vigil.store.NewReport;
import org.vigil.store.PlanStore;
import org.vigil.store.Store;
import org.vigil.store.StoredAlert;
import org.vigil.store.StoredPlan;
import org.vigil.store.StoredTrack;
import org.vigil.store.TrackStore;

/**
 * The throw-away store behind a history replay ({@link JournalHistory}): a second pipeline re-fuses
 * journaled reports into it, so nothing it does may reach the real database. Its journal keeps no
 * bodies and hands out the ids it is told to ({@link #nextIds}): the replayed reports keep their
 * real journal ids, and the tracks they start keep the ids they had live ("T" and the id of the
 * report that started them). Alerts raised while re-fusing are kept in memory and dropped with it.
 * Single-threaded use except for the pipeline's own threads, hence the synchronisation.
 */
final class ReplayStore implements Store {

    private final ReplayJournal journal = new ReplayJournal();
    private final MemoryAlerts alerts = new MemoryAlerts();

    /** The ids the next {@link Journal#append} hands out, in order (the reports' real journal ids). */
    void nextIds(long[] ids) {
        journal.next = ids;
    }

    @Override
    public Journal journal() {
        return journal;
    }

    @Override
    public AlertStore alerts() {
        return alerts;
    }

    @Override
    public PlanStore plans() {
        return NO_PLANS;
    }

    @Override
    public TrackStore tracks() {
        return NO_TRACKS;
    }

    @Override
    public String describe() {
        return "memory:history-replay";
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }

    private static final class ReplayJournal implements Journal {
        private long[] next;
        private long last;

        @Override
        public synchronized CompletableFuture<long[]> append(List<NewReport> reports) {
            long[] ids = new long[reports.size()];
            if (next != null && next.length == ids.length) {
                System.arraycopy(next, 0, ids, 0, ids.length);
                next = null;
            } else {
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = ++last;
                }
            }
            for (long id : ids) {
                last = Math.max(last, id);
            }
            return CompletableFuture.completedFuture(ids);
        }

        @Override
        public Optional<JournalEntry> get(long id) {
            return Optional.empty();
        }

        @Override
        public long replay(long afterId, Consumer<JournalEntry> consumer) {
            return afterId;
        }

        @Override
        public synchronized long lastId() {
            return 0; // nothing to replay on start: the history replay feeds it report by report
        }
    }

    private static final class MemoryAlerts implements AlertStore {
        private final Map<Long, StoredAlert> byId = new LinkedHashMap<>();
        private final Map<String, Long> openByKey = new HashMap<>();
        private long last;

        @Override
        public synchronized Optional<StoredAlert> raise(String rule, String key, String siteId, String trackId,
                                                        Instant time, String detailJson) {
            if (openByKey.containsKey(key)) {
                return Optional.empty();
            }
            StoredAlert a = new StoredAlert(++last, rule, key, siteId, trackId, time, false, true, detailJson);
            byId.put(a.id(), a);
            openByKey.put(key, a.id());
            return Optional.of(a);
        }

        @Override
        public synchronized boolean acknowledge(long id) {
            StoredAlert a = byId.get(id);
            if (a == null) {
                return false;
            }
            byId.put(id, new StoredAlert(a.id(), a.rule(), a.key(), a.siteId(), a.trackId(), a.time(), true, a.open(),
                    a.detailJson()));
            return true;
        }

        @Override
        public synchronized boolean close(String key) {
            Long id = openByKey.remove(key);
            if (id == null) {
                return false;
            }
            StoredAlert a = byId.get(id);
            byId.put(id, new StoredAlert(a.id(), a.rule(), a.key(), a.siteId(), a.trackId(), a.time(), a.acknowledged(),
                    false, a.detailJson()));
            return true;
        }

        @Override
        public synchronized Optional<StoredAlert> get(long id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public synchronized List<StoredAlert> recent(int limit) {
            List<StoredAlert> all = new ArrayList<>(byId.values());
            List<StoredAlert> out = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
                out.add(all.get(i));
            }
            return out;
        }

        @Override
        public synchronized List<StoredAlert> open() {
            return byId.values().stream().filter(StoredAlert::open).toList();
        }
    }

    private static final PlanStore NO_PLANS = new PlanStore() {
        @Override
        public StoredPlan save(String kind, Instant created, String json) {
            return new StoredPlan(0, kind, created, json);
        }

        @Override
        public Optional<StoredPlan> latest(String kind) {
            return Optional.empty();
        }
    };

    private static final TrackStore NO_TRACKS = new TrackStore() {
        @Override
        public void update(Collection<StoredTrack> changed, Collection<String> deletedIds) {
            // the replay's tracks go to its listener, not to a table
        }

        @Override
        public List<StoredTrack> all() {
            return List.of();
        }
    };
}
