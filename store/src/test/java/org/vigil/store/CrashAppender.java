package org.vigil.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The child process of the kill -9 test: opens the store named by its arguments
 * ({@code sqlite DIR} or {@code postgresql URL}) and appends from four threads forever,
 * printing {@code ACK <id> <body>.} for every id once its append's future has completed,
 * i.e. exactly what a server would have acknowledged. The trailing dot marks a whole line,
 * so that a line cut by the kill is not mistaken for an acknowledgement.
 *
 * <p>SQLite's WAL is checkpointed every 10 ms and restarted past 64 pages (instead of 100 ms
 * and 4,096), so that the kill also lands amid checkpoints and log restarts.
 */
public final class CrashAppender {

    public static void main(String[] args) throws Exception {
        Optional<String> url = args[0].equals("postgresql") ? Optional.of(args[1]) : Optional.empty();
        Path dir = Path.of(args[1]);
        Store store = url.isPresent() ? Stores.open(dir, url)
                : Stores.openSqlite(dir, JournalOptions.DEFAULTS,
                        new WalCheckpointer.Policy(Duration.ofMillis(10), 64));
        System.out.println("READY " + store.journal().lastId());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> appendForever(store.journal(), thread)));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void appendForever(Journal journal, int thread) {
        for (long seq = 0; ; seq++) {
            int size = 1 + (int) (seq % 4);
            List<NewReport> reports = new ArrayList<>(size);
            List<String> bodies = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                String body = "t" + thread + "-" + seq + "-" + i;
                bodies.add(body);
                reports.add(new NewReport(Instant.now(), "cot-tcp", "application/cot+xml",
                        body.getBytes(StandardCharsets.UTF_8)));
            }
            long[] ids = journal.append(reports).join();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < ids.length; i++) {
                out.append("ACK ").append(ids[i]).append(' ').append(bodies.get(i)).append(".\n");
            }
            System.out.print(out);
            System.out.flush();
        }
    }
}
