package org.vigil.app.cli;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.vigil.posture.orlib.CapacitatedWarehouseInstance;
import org.vigil.posture.orlib.OrlibResult;
import org.vigil.posture.orlib.PMedianInstance;
import org.vigil.posture.orlib.PMedianSolver;
import org.vigil.posture.orlib.WarehouseSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench orlib}: solves one OR-Library facility-location instance (p-median or
 * capacitated warehouse location) with OR-Tools and prints one JSON line:
 * {@code {"instance", "objective", "status", "seconds"}}. It checks the solver layer the
 * posture planner stands on against published optima.
 */
@Command(name = "orlib", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solves an OR-Library p-median (pmedN) or capacitated warehouse-location (capNNN, capa/b/c) "
                + "instance with OR-Tools and prints one JSON line: instance, objective, status "
                + "(OPTIMAL|FEASIBLE|INFEASIBLE|UNKNOWN) and seconds (wall time of the solve).",
                "Exit codes: 0 a result was printed (whatever its status), 2 bad input."})
public final class BenchOrlibCommand implements Callable<Integer> {

    /** The instance families, named as OR-Library's files are. */
    enum Family { pmed, cap }

    @Option(names = "--family", required = true, paramLabel = "pmed|cap",
            description = "Instance family: pmed (p-median, Beasley 1985) or cap (capacitated warehouse location, Beasley 1988).")
    Family family;

    @Option(names = "--file", required = true, paramLabel = "F",
            description = "The OR-Library instance file, e.g. pmed1.txt or cap71.txt.")
    Path file;

    @Option(names = "--capacity", paramLabel = "Q",
            description = "cap only: capacity of every site, overriding the file's column; required for capa, capb and capc,"
                    + " whose capacity column holds the placeholder word 'capacity'.")
    Double capacity;

    @Option(names = "--time-limit", paramLabel = "S", defaultValue = "600",
            description = "Solver time limit in seconds (default ${DEFAULT-VALUE}); past it the best solution found is"
                    + " printed with status FEASIBLE, or UNKNOWN when there is none.")
    double timeLimitSeconds;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = "Solver threads (default ${DEFAULT-VALUE}: measured fastest on 2 cores for these models).")
    int workers;

    @Override
    public Integer call() throws Exception {
        if (!(timeLimitSeconds > 0) || Double.isInfinite(timeLimitSeconds)) {
            throw new UserInputException("--time-limit must be a positive number of seconds, got " + timeLimitSeconds);
        }
        if (workers < 1) {
            throw new UserInputException("--workers must be at least 1, got " + workers);
        }
        if (capacity != null && !(capacity > 0 && Double.isFinite(capacity))) {
            throw new UserInputException("--capacity must be a positive number, got " + capacity);
        }
        if (capacity != null && family != Family.cap) {
            throw new UserInputException("--capacity applies to --family cap only");
        }
        Duration limit = Duration.ofMillis(Math.max(1, Math.round(timeLimitSeconds * 1000)));
        OrlibResult result = switch (family) {
            case pmed -> new PMedianSolver(limit, workers).solve(PMedianInstance.read(file));
            case cap -> new WarehouseSolver(limit, workers).solve(CapacitatedWarehouseInstance.read(file,
                    capacity == null ? OptionalDouble.empty() : OptionalDouble.of(capacity)));
        };
        System.out.println(json(result));
        return ExitCodes.OK;
    }

    /**
     * One JSON line; an objective that does not exist (no solution) is null, not NaN. The objective
     * is rounded to 1e-6, below OR-Library's three printed decimals, to drop the last-bit noise of
     * summing doubles (932615.7500000001) and printed in plain digits; seconds to the millisecond.
     */
    static String json(OrlibResult result) throws Exception {
        ObjectMapper mapper = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
        ObjectNode line = mapper.createObjectNode();
        line.put("instance", result.instance());
        if (Double.isFinite(result.objective())) {
            double objective = result.objective();
            double rounded = Math.abs(objective) < 1e12 ? Math.round(objective * 1e6) / 1e6 : objective;
            line.put("objective", BigDecimal.valueOf(rounded)); // plain digits, not 1.92408E7
        } else {
            line.putNull("objective");
        }
        line.put("status", result.status().name());
        line.put("seconds", Math.round(result.seconds() * 1000) / 1000.0);
        return mapper.writeValueAsString(line);
    }
}
