package org.vigil.watch.bench;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.vigil.cot.codec.CotTime;
import org.vigil.cot.codec.CotXmlEncoder;
import org.vigil.cot.codec.TakFraming;
import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.CotPoint;
import org.vigil.cot.event.Detail;
import org.vigil.cot.event.XmlAttribute;
import org.vigil.cot.event.XmlElement;
import org.vigil.cot.server.ControlEvents;

/**
 * The sensor-ingest benchmark behind {@code vigil bench ingest}: drives a running
 * {@code vigil serve} with CoT detections and measures what comes back.
 *
 * <h2>Load</h2>
 * {@code connections} streaming TCP connections, each one sensor ({@code bench-sensor-C},
 * its own {@code __group} so the server relays its detections to nobody) watching its own
 * {@code targetsPerConnection} ground vehicles: on a 3 km grid inside its own 36 x 36 km box
 * (the boxes tile government-controlled Ukraine west of the Dnipro), each driving straight at
 * 8-20 m/s on its own heading. A connection reports its targets round-robin at {@code rate}
 * detections per second (so each target every {@code targetsPerConnection / rate} s) as
 * hostile ground vehicles ({@code a-h-G-E-V}, uid {@code bench-sensor-C.target-K}: sensor and
 * target, 15 m one-sigma noise, {@code ce} 15; the detail holds only the typed {@code __group},
 * as a lean sensor feed's would), in TAK protocol v1 after the usual negotiation ({@code proto = "pb"}) or in
 * XML. Senders do not read what the server sends them after negotiation (a sensor feed has
 * no use for the picture; the server drops what queues up for a client that does not read).
 * Reporting runs {@code warmUp} before the measured {@code duration}, so that both sides have
 * compiled their hot paths.
 *
 * <h2>Latency</h2>
 * One more connection is a plain TAK client (XML) that reads every track the server publishes.
 * Each published track names, in {@code <vigil lastReportUid lastReportTime>}, the report that
 * last updated it; the report's time is when this bench sent it (the bench's own clock, so
 * there is no clock skew between machines), and receipt minus that is the report-to-track
 * latency: journal, tracker, rules and publication included. Only states published at once
 * count ({@code heldMs} absent): a state the server's per-track rate limit (one per track per
 * second) held back says nothing about the pipeline. That is about one sample per track per
 * second. Milliseconds are the resolution (CoT times carry milliseconds).
 *
 * <h2>Accepted and lost</h2>
 * With {@code metricsUrl} (the server's {@code /metrics}, and its bearer token), the bench
 * reads {@code vigil_reports_ingested_total{channel="cot"}} - CoT detections journaled - before
 * the warm-up, at the start and end of the measured window, and after a drain (3 s, then until
 * the count stands still for a second, at most a minute more):
 * {@code acceptedPerSecond} is the journaled count in the window over its length, and
 * {@code lost} = detections sent (warm-up included) minus detections journaled over the whole
 * run (none are lost when the journal holds every one sent; the bench must be the only CoT
 * sender then). Without metrics, {@code lost} is null and {@code acceptedPerSecond} is what
 * the senders wrote.
 */
public final class IngestBench {

    /**
     * @param host                 server address
     * @param port                 its TCP streaming port
     * @param connections          sensor connections
     * @param ratePerConnection    detections per second per connection
     * @param duration             measured reporting time
     * @param warmUp               reporting before measurement
     * @param targetsPerConnection vehicles each sensor watches
     * @param proto                "pb" (TAK protocol v1 after negotiation) or "xml"
     * @param metricsUrl           the server's /metrics URL, or null
     * @param token                bearer token for /metrics, or null
     * @param seed                 target placement and noise
     * @param burst                how often each connection writes what is due (a sensor sends a scan's
     *                             detections together; every write costs the server a read and a wake-up)
     */
    public record Config(String host, int port, int connections, double ratePerConnection, Duration duration,
                         Duration warmUp, int targetsPerConnection, String proto, String metricsUrl, String token,
                         long seed, Duration burst) {
        public Config {
            if (burst.toMillis() < 1 || burst.toMillis() > 1000) {
                throw new IllegalArgumentException("--burst-ms must be 1..1000, not " + burst.toMillis());
            }
            if (connections < 1 || connections > 10_000) {
                throw new IllegalArgumentException("--connections must be 1..10000, not " + connections);
            }
            if (!(ratePerConnection > 0) || ratePerConnection > 1_000_000) {
                throw new IllegalArgumentException("--rate must be in (0, 1000000], not " + ratePerConnection);
            }
            if (targetsPerConnection < 1 || targetsPerConnection > 1_000) {
                throw new IllegalArgumentException("--targets must be 1..1000, not " + targetsPerConnection);
            }
            if (!proto.equals("pb") && !proto.equals("xml")) {
                throw new IllegalArgumentException("--proto must be pb or xml, not '" + proto + "'");
            }
        }
    }

    /**
     * What one run measured. {@code lost} and {@code accepted} are null without metrics.
     *
     * @param sent              detections written in the measured window
     * @param sentPerSecond     of those, per second
     * @param accepted          detections the server journaled in the measured window
     * @param acceptedPerSecond of those per second (the senders' rate without metrics)
     * @param p50Ms             median report-to-track latency, ms
     * @param p99Ms             99th percentile, ms
     * @param maxMs             largest, ms
     * @param samples           latency samples (track states published at once)
     * @param lost              detections sent over the whole run but not journaled
     * @param tracks            distinct tracks the listener saw
     * @param targets           simulated vehicles
     * @param cpu               the machine's processor time in the measured window (null where the
     *                          system does not say: Linux's /proc/stat only)
     */
    public record Result(long sent, double sentPerSecond, Long accepted, double acceptedPerSecond, double p50Ms,
                         double p99Ms, double maxMs, int samples, Long lost, int tracks, int targets, CpuShare cpu) {
    }

    /**
     * How the machine's processors spent a stretch of time, in percent of all of them: busy (any
     * work, the bench's own and the server's included) and stolen (a virtual machine's processors
     * waiting for the host, which serves other guests: time neither process had, and the latency
     * tail grows with it).
     */
    public record CpuShare(double busyPercent, double stealPercent) {

        /** The share between two readings of /proc/stat's first line, or null when either is missing. */
        static CpuShare between(long[] before, long[] after) {
            if (before == null || after == null) {
                return null;
            }
            long total = 0;
            for (int i = 0; i < Math.min(8, before.length); i++) {
                total += after[i] - before[i];
            }
            if (total <= 0) {
                return null;
            }
            long idle = (after[3] - before[3]) + (after[4] - before[4]); // idle and iowait
            long steal = before.length > 7 ? after[7] - before[7] : 0;
            return new CpuShare(100.0 * (total - idle - steal) / total, 100.0 * steal / total);
        }

        /** The counters of /proc/stat's first line (user nice system idle iowait irq softirq steal), or null. */
        static long[] read() {
            try {
                String line = Files.readAllLines(Path.of("/proc/stat")).getFirst();
                String[] f = line.trim().split("\\s+");
                if (!f[0].equals("cpu") || f.length < 5) {
                    return null;
                }
                long[] v = new long[Math.min(8, f.length - 1)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Long.parseLong(f[i + 1]);
                }
                return v;
            } catch (IOException | RuntimeException e) {
                return null; // not Linux, or not readable: the result says null
            }
        }
    }

    private static final Duration DRAIN = Duration.ofSeconds(3);
    /** Box per connection, degrees of latitude (about 36 km), and the tiling's south-west corner. */
    private static final double BOX_LAT_DEG = 0.33, SOUTH = 48.0, WEST = 24.0, EAST = 32.0;

    private final Config config;
    private final LongAdder sentMeasured = new LongAdder();
    private final LongAdder sentTotal = new LongAdder();
    private final Set<String> tracksSeen = ConcurrentHashMap.newKeySet();
    private volatile long measureFromMillis = Long.MAX_VALUE;
    private volatile long measureToMillis = Long.MAX_VALUE;
    private long[] latencies = new long[1 << 16];
    private int latencyCount;
    /** Latency samples since the last progress line, warm-up included (guarded by this). */
    private long[] recent = new long[1 << 12];
    private int recentCount;

    public IngestBench(Config config) {
        this.config = config;
    }

    /** Runs the load and returns what it measured; blocks for the warm-up, the duration and a few seconds more. */
    public Result run() throws IOException, InterruptedException {
        return run(Duration.ZERO, line -> { });
    }

    /**
     * {@link #run()}, telling {@code progress} every {@code every} (zero: never) how far the run
     * is and what that stretch measured: detections sent per second and the latency of the track
     * states published in it (warm-up included), so that a slow stretch can be placed in time.
     */
    public Result run(Duration every, Consumer<String> progress) throws IOException, InterruptedException {
        Listener listener = new Listener();
        listener.connect();
        List<Sensor> sensors = new ArrayList<>();
        Thread reporter = null;
        try {
            for (int c = 0; c < config.connections(); c++) {
                Sensor s = new Sensor(c);
                s.connect();
                sensors.add(s);
            }
            long base = metric();
            long start = System.currentTimeMillis();
            long measureFrom = start + config.warmUp().toMillis();
            long measureTo = measureFrom + config.duration().toMillis();
            measureFromMillis = measureFrom;
            measureToMillis = measureTo;
            reporter = every.isZero() ? null
                    : Thread.ofVirtual().start(() -> report(every, progress, start, measureFrom, measureTo));
            CountDownLatch done = new CountDownLatch(sensors.size());
            for (Sensor s : sensors) {
                Thread.ofVirtual().start(() -> {
                    try {
                        s.report(start, measureFrom, measureTo);
                    } finally {
                        done.countDown();
                    }
                });
            }
            sleepUntil(measureFrom);
            long atStart = metric();
            long[] cpuAtStart = CpuShare.read();
            sleepUntil(measureTo);
            long atEnd = metric();
            long[] cpuAtEnd = CpuShare.read();
            done.await(30, TimeUnit.SECONDS);
            Thread.sleep(DRAIN.toMillis());
            long atDrain = metric();
            // a server behind its load is still journaling what it holds: wait until the count stands still
            long drainEnd = System.currentTimeMillis() + 60_000;
            while (atDrain >= 0 && System.currentTimeMillis() < drainEnd) {
                Thread.sleep(1000);
                long again = metric();
                if (again == atDrain) {
                    break;
                }
                atDrain = again;
            }
            double seconds = config.duration().toMillis() / 1000.0;
            long[] sorted;
            synchronized (this) {
                sorted = Arrays.copyOf(latencies, latencyCount);
            }
            Arrays.sort(sorted);
            boolean metrics = base >= 0 && atStart >= 0 && atEnd >= 0 && atDrain >= 0;
            Long accepted = metrics ? atEnd - atStart : null;
            Long lost = metrics ? Math.max(0, sentTotal.sum() - (atDrain - base)) : null;
            return new Result(sentMeasured.sum(), sentMeasured.sum() / seconds, accepted,
                    metrics ? accepted / seconds : sentMeasured.sum() / seconds, percentile(sorted, 0.50),
                    percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1], sorted.length, lost,
                    tracksSeen.size(), config.connections() * config.targetsPerConnection(),
                    CpuShare.between(cpuAtStart, cpuAtEnd));
        } finally {
            if (reporter != null) {
                reporter.interrupt();
            }
            for (Sensor s : sensors) {
                s.close();
            }
            listener.close();
        }
    }

    /** Progress lines every {@code every} until interrupted (see {@link #run(Duration, Consumer)}). */
    private void report(Duration every, Consumer<String> progress, long start, long measureFrom,
                        long measureTo) {
        long sentBefore = 0;
        for (long next = start + every.toMillis(); ; next += every.toMillis()) {
            try {
                sleepUntil(next);
            } catch (InterruptedException e) {
                return;
            }
            long[] window;
            synchronized (this) {
                window = Arrays.copyOf(recent, recentCount);
                recentCount = 0;
            }
            Arrays.sort(window);
            long sent = sentTotal.sum();
            String phase = next <= measureFrom ? "warm-up" : next <= measureTo ? "measuring" : "draining";
            double sentPerSecond = (sent - sentBefore) * 1000.0 / every.toMillis();
            double max = window.length == 0 ? 0.0 : window[window.length - 1];
            progress.accept(String.format(Locale.ROOT,
                    "ingest %6.2f s (%s, %s): sent %,.0f/s; %d track states, latency p50/p99/max %.0f/%.0f/%.0f ms",
                    (next - start) / 1000.0, phase, Instant.ofEpochMilli(next), sentPerSecond, window.length,
                    percentile(window, 0.50), percentile(window, 0.99), max));
            sentBefore = sent;
        }
    }

    private static void sleepUntil(long millis) throws InterruptedException {
        long d = millis - System.currentTimeMillis();
        if (d > 0) {
            Thread.sleep(d);
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)];
    }

    private synchronized void latency(long ms, boolean measured) {
        if (measured) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencyCount * 2);
            }
            latencies[latencyCount++] = ms;
        }
        if (recentCount == recent.length) {
            recent = Arrays.copyOf(recent, recentCount * 2);
        }
        recent[recentCount++] = ms;
    }

    /** The server's count of journaled CoT detections, or -1 without metrics. */
    private long metric() {
        if (config.metricsUrl() == null) {
            return -1;
        }
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.metricsUrl())).timeout(Duration.ofSeconds(10));
            if (config.token() != null) {
                b.header("Authorization", "Bearer " + config.token());
            }
            HttpResponse<String> r;
            try (HttpClient client = HttpClient.newHttpClient()) {
                r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException(config.metricsUrl() + " answered " + r.statusCode());
            }
            return ingestedCot(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + config.metricsUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code vigil_reports_ingested_total{channel="cot"}} from Prometheus text; 0 when absent (nothing journaled yet). */
    static long ingestedCot(String prometheusText) {
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("vigil_reports_ingested_total{") && line.contains("channel=\"cot\"")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------ the sensors

    /**
     * One target's detection as a TAK protocol v1 stream frame, {@code 0xbf varint(length)
     * TakMessage{cotEvent{type, uid, sendTime, startTime, staleTime, how, lat, lon, hae, ce, le,
     * detail{__group{name, role}}}}}. The frame is laid out once per target by protobuf's
     * {@link CodedOutputStream}, fields in field-number order and proto3 defaults left out as
     * protobuf-java writes them (so the bytes equal {@code TakProtoCodec}'s); each detection is
     * then a copy of it with only the three times and the position patched in place: no objects
     * and about 140 bytes copied per detection, because every cycle the bench spends is
     * taken from the server it measures when both share the machine's cores.
     *
     * <p>Times are epoch milliseconds, whose varint is 6 bytes from 1971 to 2109 ({@code 2^35}
     * to {@code 2^42} ms), so a frame's length never changes; {@link #write} refuses other times.
     * The template holds a non-zero placeholder position, so a detection exactly at 0 degrees is
     * written out explicitly where protobuf-java would leave it out: the same value to a decoder.
     */
    static final class DetectionFrame {
        static final String TYPE = "a-h-G-E-V";
        static final String HOW = "m-g";
        static final String ROLE = "Team Member";
        static final long STALE_AFTER_MILLIS = 60_000;
        static final double CE_METRES = 15;
        private static final long MIN_MILLIS = 1L << 35;
        private static final long MAX_MILLIS = (1L << 42) - 1 - STALE_AFTER_MILLIS;
        private static final VarHandle LITTLE_ENDIAN_DOUBLE =
                MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

        private final byte[] template;
        private final int sendAt, startAt, staleAt, latAt, lonAt;

        /**
         * @param uid       the event uid ({@code bench-sensor-C.target-K})
         * @param groupName the sensor's {@code __group} name
         */
        DetectionFrame(String uid, String groupName) {
            long placeholderMillis = MIN_MILLIS;
            double placeholderDeg = 1;
            int groupSize = CodedOutputStream.computeStringSize(1, groupName) + CodedOutputStream.computeStringSize(2, ROLE);
            int detailSize = nestedSize(3, groupSize);
            int eventSize = CodedOutputStream.computeStringSize(1, TYPE) + CodedOutputStream.computeStringSize(5, uid)
                    + CodedOutputStream.computeUInt64Size(6, placeholderMillis)
                    + CodedOutputStream.computeUInt64Size(7, placeholderMillis)
                    + CodedOutputStream.computeUInt64Size(8, placeholderMillis)
                    + CodedOutputStream.computeStringSize(9, HOW)
                    + 5 * CodedOutputStream.computeDoubleSize(10, placeholderDeg) + nestedSize(15, detailSize);
            int messageSize = nestedSize(2, eventSize);
            template = new byte[1 + CodedOutputStream.computeUInt32SizeNoTag(messageSize) + messageSize];
            CodedOutputStream o = CodedOutputStream.newInstance(template);
            try {
                o.writeRawByte(TakFraming.MAGIC);
                o.writeUInt32NoTag(messageSize);
                o.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED); // TakMessage.cotEvent
                o.writeUInt32NoTag(eventSize);
                o.writeString(1, TYPE);
                o.writeString(5, uid);
                sendAt = valueAt(o, 6, WireFormat.WIRETYPE_VARINT);
                o.writeUInt64NoTag(placeholderMillis);
                startAt = valueAt(o, 7, WireFormat.WIRETYPE_VARINT);
                o.writeUInt64NoTag(placeholderMillis);
                staleAt = valueAt(o, 8, WireFormat.WIRETYPE_VARINT);
                o.writeUInt64NoTag(placeholderMillis);
                o.writeString(9, HOW);
                latAt = valueAt(o, 10, WireFormat.WIRETYPE_FIXED64);
                o.writeDoubleNoTag(placeholderDeg);
                lonAt = valueAt(o, 11, WireFormat.WIRETYPE_FIXED64);
                o.writeDoubleNoTag(placeholderDeg);
                o.writeDouble(12, CotPoint.UNKNOWN); // hae
                o.writeDouble(13, CE_METRES);
                o.writeDouble(14, CotPoint.UNKNOWN); // le
                o.writeTag(15, WireFormat.WIRETYPE_LENGTH_DELIMITED); // CotEvent.detail
                o.writeUInt32NoTag(detailSize);
                o.writeTag(3, WireFormat.WIRETYPE_LENGTH_DELIMITED); // Detail.group
                o.writeUInt32NoTag(groupSize);
                o.writeString(1, groupName);
                o.writeString(2, ROLE);
                o.checkNoSpaceLeft();
            } catch (IOException e) {
                throw new IllegalStateException("detection frame size computed wrongly for " + uid, e);
            }
        }

        private static int nestedSize(int field, int size) {
            return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(size) + size;
        }

        /** Writes the field's tag and returns where its value starts. */
        private static int valueAt(CodedOutputStream o, int field, int wireType) throws IOException {
            o.writeTag(field, wireType);
            return o.getTotalBytesWritten();
        }

        /** The frame's length in bytes (the same for every detection of this target). */
        int length() {
            return template.length;
        }

        /**
         * Writes the frame of a detection made at {@code timeMillis} (also its start; stale a
         * minute later) at {@code latDeg, lonDeg} into {@code buf} at {@code off}.
         *
         * @return the offset just after the frame
         */
        int write(byte[] buf, int off, long timeMillis, double latDeg, double lonDeg) {
            if (timeMillis < MIN_MILLIS || timeMillis > MAX_MILLIS) {
                throw new IllegalArgumentException("detection time " + timeMillis + " ms is outside 1971..2109");
            }
            System.arraycopy(template, 0, buf, off, template.length);
            varint6(buf, off + sendAt, timeMillis);
            varint6(buf, off + startAt, timeMillis);
            varint6(buf, off + staleAt, timeMillis + STALE_AFTER_MILLIS);
            LITTLE_ENDIAN_DOUBLE.set(buf, off + latAt, latDeg);
            LITTLE_ENDIAN_DOUBLE.set(buf, off + lonAt, lonDeg);
            return off + template.length;
        }

        /** Protobuf's varint of a value in [2^35, 2^42): exactly six bytes, low 7 bits first. */
        private static void varint6(byte[] b, int at, long v) {
            for (int i = 0; i < 5; i++) {
                b[at + i] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            b[at + 5] = (byte) v;
        }
    }

    /** One sensor connection and its targets. */
    final class Sensor {
        final int index;
        final String sensorUid;
        final String group;
        final double[] lat0, lon0, vn, ve;
        final Random noise;
        /** Each target's TAK protocol v1 frame template. */
        final DetectionFrame[] frames;
        final int maxFrameBytes;
        final CotXmlEncoder xml = new CotXmlEncoder();
        /** What one write sends: a burst's frames, reused for every burst. */
        byte[] buf = new byte[64 * 1024];
        /** The target reported next (round-robin). */
        int next;
        /** When reporting started: the targets' positions are relative to it. */
        long startMillis;
        Socket socket;
        OutputStream out;
        boolean protobuf;

        Sensor(int index) {
            this.index = index;
            this.sensorUid = "bench-sensor-" + index;
            this.group = "bench-" + index;
            int k = config.targetsPerConnection();
            lat0 = new double[k];
            lon0 = new double[k];
            vn = new double[k];
            ve = new double[k];
            frames = new DetectionFrame[k];
            Random r = new Random(config.seed() * 1_000_003L + index);
            noise = new Random(config.seed() * 7_919L + index);
            int columns = (int) Math.floor((EAST - WEST) / (BOX_LAT_DEG * 1.5));
            double boxSouth = SOUTH + (index / columns % 10) * BOX_LAT_DEG;
            double boxWest = WEST + (index % columns) * BOX_LAT_DEG * 1.5;
            int side = (int) Math.ceil(Math.sqrt(k));
            int largest = 0;
            for (int t = 0; t < k; t++) {
                double cosLat = Math.cos(Math.toRadians(boxSouth));
                lat0[t] = boxSouth + 0.02 + (t / side) * 3_000 / 111_320.0;
                lon0[t] = boxWest + 0.02 + (t % side) * 3_000 / (111_320.0 * cosLat);
                double speed = 8 + 12 * r.nextDouble(), heading = 2 * Math.PI * r.nextDouble();
                vn[t] = speed * Math.cos(heading);
                ve[t] = speed * Math.sin(heading);
                frames[t] = new DetectionFrame(targetUid(t), group);
                largest = Math.max(largest, frames[t].length());
            }
            maxFrameBytes = largest;
        }

        String targetUid(int target) {
            return sensorUid + ".target-" + target;
        }

        void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(config.host(), config.port()), 10_000);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            if (config.proto().equals("pb")) {
                InputStream in = socket.getInputStream();
                awaitType(in, ControlEvents.ADVERTISE);
                out.write(xml.encode(ControlEvents.request(sensorUid, 1, Instant.now())));
                out.flush();
                String response = awaitType(in, ControlEvents.RESPONSE);
                protobuf = response.contains("status=\"true\"");
                if (!protobuf) {
                    throw new IllegalStateException("the server refused TAK protocol v1 negotiation");
                }
            }
        }

        /** Reads the XML stream until an event of this type; returns it as text. */
        private String awaitType(InputStream in, String type) throws IOException {
            StringBuilder sb = new StringBuilder();
            byte[] buf = new byte[4096];
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < end) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("the server closed the connection during negotiation");
                }
                sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                int at = sb.indexOf("type=\"" + type + "\"");
                if (at >= 0) {
                    int close = sb.indexOf("</event>", at);
                    if (close >= 0) {
                        return sb.substring(sb.lastIndexOf("<event", at), close + 8);
                    }
                }
            }
            throw new IOException("no " + type + " from the server within 10 s");
        }

        /**
         * Writes the next {@code n} targets' detections at {@code nowMillis}, round-robin, with one
         * write of the reused buffer (more only when a burst outgrows it).
         */
        void send(long nowMillis, long n) throws IOException {
            int len = 0;
            for (long i = 0; i < n; i++) {
                if (protobuf && buf.length - len < maxFrameBytes) {
                    out.write(buf, 0, len);
                    len = 0;
                }
                len = append(len, next, nowMillis);
                next = (next + 1) % lat0.length;
            }
            out.write(buf, 0, len);
            out.flush();
        }

        /** Appends {@code target}'s detection at {@code nowMillis} to the buffer at {@code off}; returns the end. */
        private int append(int off, int target, long nowMillis) {
            double t = (nowMillis - startMillis) / 1000.0;
            double cosLat = Math.cos(Math.toRadians(lat0[target]));
            double lat = lat0[target] + (vn[target] * t + noise.nextGaussian() * 15) / 111_320.0;
            double lon = lon0[target] + (ve[target] * t + noise.nextGaussian() * 15) / (111_320.0 * cosLat);
            if (protobuf) {
                return frames[target].write(buf, off, nowMillis, lat, lon);
            }
            byte[] event = xml.encode(event(target, nowMillis, lat, lon));
            if (buf.length - off < event.length) {
                buf = Arrays.copyOf(buf, Math.max(2 * buf.length, off + event.length));
            }
            System.arraycopy(event, 0, buf, off, event.length);
            return off + event.length;
        }

        /** The detection as an event, for the XML stream: what {@link DetectionFrame} writes as TAK protocol v1. */
        CotEvent event(int target, long nowMillis, double lat, double lon) {
            Instant now = Instant.ofEpochMilli(nowMillis);
            return CotEvent.of(targetUid(target), DetectionFrame.TYPE, DetectionFrame.HOW, now,
                    now.plusMillis(DetectionFrame.STALE_AFTER_MILLIS),
                    new CotPoint(lat, lon, CotPoint.UNKNOWN, DetectionFrame.CE_METRES, CotPoint.UNKNOWN),
                    new Detail(List.of(XmlElement.empty("__group", List.of(new XmlAttribute("name", group),
                            new XmlAttribute("role", DetectionFrame.ROLE))))));
        }

        /** Reports at the configured rate from {@code start} to {@code to}, in bursts every {@code burst}. */
        void report(long start, long measureFrom, long to) {
            double rate = config.ratePerConnection();
            long written = 0;
            startMillis = start;
            try {
                // stagger the connections' bursts across the first burst interval
                Thread.sleep((long) (config.burst().toMillis() * (double) index / config.connections()));
                while (true) {
                    long now = System.currentTimeMillis();
                    if (now >= to) {
                        return;
                    }
                    long due = (long) ((now - start) / 1000.0 * rate);
                    long n = Math.min(due - written, (long) Math.max(1, rate)); // never more than a second's worth at once
                    if (n > 0) {
                        send(now, n);
                        written += n;
                        sentTotal.add(n);
                        if (now >= measureFrom) {
                            sentMeasured.add(n);
                        }
                    }
                    Thread.sleep(config.burst().toMillis());
                }
            } catch (IOException e) {
                throw new IllegalStateException("sensor connection " + index + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    // ------------------------------------------------------------------ the listener

    private static final byte[] TRACK_UID = "uid=\"vigil-track-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPORT_UID = "lastReportUid=\"bench-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPORT_TIME = "lastReportTime=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HELD = "heldMs=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "</event>".getBytes(StandardCharsets.US_ASCII);

    /** A TAK client (XML) reading the published tracks: latency samples and the tracks seen. */
    private final class Listener {
        Socket socket;
        Thread reader;

        void connect() throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(config.host(), config.port()), 10_000);
            reader = Thread.ofPlatform().name("bench-listener").daemon().start(this::read);
        }

        private void read() {
            byte[] buf = new byte[1 << 20];
            int filled = 0;
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buf, filled, buf.length - filled)) > 0) {
                    long receivedMillis = System.currentTimeMillis();
                    filled += n;
                    int from = 0;
                    int end;
                    while ((end = indexOf(buf, END, from, filled)) >= 0) {
                        event(buf, from, end, receivedMillis);
                        from = end + END.length;
                    }
                    System.arraycopy(buf, from, buf, 0, filled - from);
                    filled -= from;
                    if (filled == buf.length) {
                        filled = 0; // an event larger than the buffer: not ours, skip it
                    }
                }
            } catch (IOException e) {
                // closed at the end of the run
            }
        }

        private void event(byte[] b, int from, int to, long receivedMillis) {
            int u = indexOf(b, TRACK_UID, from, to);
            if (u < 0) {
                return;
            }
            int uEnd = indexOf(b, new byte[] {'"'}, u + TRACK_UID.length, to);
            tracksSeen.add(new String(b, u + TRACK_UID.length, uEnd - u - TRACK_UID.length, StandardCharsets.US_ASCII));
            if (indexOf(b, REPORT_UID, from, to) < 0 || indexOf(b, HELD, from, to) >= 0) {
                return;
            }
            int t = indexOf(b, REPORT_TIME, from, to);
            if (t < 0) {
                return;
            }
            int tEnd = indexOf(b, new byte[] {'"'}, t + REPORT_TIME.length, to);
            long reportMillis = CotTime.parse(new String(b, t + REPORT_TIME.length, tEnd - t - REPORT_TIME.length,
                    StandardCharsets.US_ASCII)).toEpochMilli();
            latency(receivedMillis - reportMillis, reportMillis >= measureFromMillis && reportMillis < measureToMillis);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    static int indexOf(byte[] b, byte[] pattern, int from, int to) {
        outer:
        for (int i = from; i + pattern.length <= to; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
