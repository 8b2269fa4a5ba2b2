package org.vigil.posture.orlib;

import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * A capacitated warehouse-location instance from OR-Library (Beasley 1988, files {@code capNNN.txt},
 * {@code capa}, {@code capb}, {@code capc}): m candidate sites, each with a capacity and a fixed
 * opening cost, and n customers, each with a demand and, per site, the cost of supplying all of
 * its demand from that site.
 *
 * <p>File layout, read as a whitespace token stream (rows wrap freely):
 * <pre>
 * m n
 * capacity_i fixed_cost_i          m rows; capacity first, fixed cost second
 * demand_j cost_1j ... cost_mj     for each customer j
 * </pre>
 * The large files capa, capb and capc carry the literal word {@code capacity} in place of each
 * site's capacity: the capacity is chosen by the user (OR-Library lists optima for four values
 * each), so those files can only be read with a capacity given. A capacity given to the reader
 * overrides every site's capacity, number or placeholder.
 *
 * <p>Units are the file's: demand and capacity in one unit of goods, costs in one currency.
 * {@code cost(i, j)} is a total for serving <em>all</em> of customer j from site i, not a rate:
 * serving a fraction x of j from i costs {@code x · cost(i, j)} and loads i with
 * {@code x · demand(j)}.
 *
 * @param name       the file name without extension, e.g. {@code cap71}
 * @param capacities capacity of each site (copied in and out)
 * @param fixedCosts fixed cost of opening each site (copied in and out)
 * @param demands    demand of each customer (copied in and out)
 * @param costs      costs[i][j]: cost of serving all of customer j from site i (copied in and out)
 */
public record CapacitatedWarehouseInstance(String name, double[] capacities, double[] fixedCosts,
                                           double[] demands, double[][] costs) {

    /** The word capa, capb and capc carry in the capacity column. */
    public static final String CAPACITY_PLACEHOLDER = "capacity";

    public CapacitatedWarehouseInstance {
        int m = capacities.length;
        int n = demands.length;
        if (m == 0 || n == 0 || fixedCosts.length != m || costs.length != m) {
            throw new IllegalArgumentException(name + ": need at least one site and one customer, and m-long site columns");
        }
        capacities = capacities.clone();
        fixedCosts = fixedCosts.clone();
        demands = demands.clone();
        double[][] c = new double[m][];
        for (int i = 0; i < m; i++) {
            if (costs[i].length != n) {
                throw new IllegalArgumentException(name + ": the cost matrix must be " + m + "×" + n);
            }
            c[i] = costs[i].clone();
        }
        costs = c;
    }

    public int siteCount() {
        return capacities.length;
    }

    public int customerCount() {
        return demands.length;
    }

    public double capacity(int site) {
        return capacities[site];
    }

    public double fixedCost(int site) {
        return fixedCosts[site];
    }

    public double demand(int customer) {
        return demands[customer];
    }

    /** Cost of serving all of {@code customer}'s demand from {@code site}. */
    public double cost(int site, int customer) {
        return costs[site][customer];
    }

    public double totalDemand() {
        double total = 0;
        for (double d : demands) {
            total += d;
        }
        return total;
    }

    @Override
    public double[] capacities() {
        return capacities.clone();
    }

    @Override
    public double[] fixedCosts() {
        return fixedCosts.clone();
    }

    @Override
    public double[] demands() {
        return demands.clone();
    }

    @Override
    public double[][] costs() {
        double[][] c = new double[costs.length][];
        for (int i = 0; i < costs.length; i++) {
            c[i] = costs[i].clone();
        }
        return c;
    }

    /** Reads a file whose capacity column holds numbers. */
    public static CapacitatedWarehouseInstance read(Path file) {
        return read(file, OptionalDouble.empty());
    }

    /**
     * Reads an OR-Library capacitated warehouse file.
     *
     * @param capacity when present, every site's capacity; the capacity column may then hold
     *                 the placeholder {@code capacity} instead of numbers
     * @throws OrlibFileException (an IllegalArgumentException) naming file and line when the
     *                            file is missing or malformed, or holds the placeholder and no
     *                            capacity is given
     */
    public static CapacitatedWarehouseInstance read(Path file, OptionalDouble capacity) {
        if (capacity.isPresent() && !(capacity.getAsDouble() > 0 && Double.isFinite(capacity.getAsDouble()))) {
            throw new IllegalArgumentException("the capacity must be a positive number, got " + capacity.getAsDouble());
        }
        OrlibTokens in = OrlibTokens.open(file);
        int m = in.nextInt("the number of sites", 1);
        int n = in.nextInt("the number of customers", 1);
        double[] capacities = new double[m];
        double[] fixed = new double[m];
        for (int i = 0; i < m; i++) {
            String what = "the capacity of site " + (i + 1);
            String token = in.next(what);
            if (token.equals(CAPACITY_PLACEHOLDER)) {
                if (capacity.isEmpty()) {
                    throw in.error(in.tokenLine(), "site " + (i + 1) + " has the placeholder '" + CAPACITY_PLACEHOLDER
                            + "' instead of a capacity; give the capacity with --capacity");
                }
                capacities[i] = capacity.getAsDouble();
            } else {
                double fromFile = in.parseNonNegative(token, what);
                capacities[i] = capacity.orElse(fromFile);
            }
            fixed[i] = in.nextNonNegative("the fixed cost of site " + (i + 1));
        }
        double[] demands = new double[n];
        double[][] costs = new double[m][n];
        for (int j = 0; j < n; j++) {
            demands[j] = in.nextNonNegative("the demand of customer " + (j + 1));
            for (int i = 0; i < m; i++) {
                costs[i][j] = in.nextNonNegative("the cost of serving customer " + (j + 1) + " from site " + (i + 1));
            }
        }
        in.expectEnd();
        return new CapacitatedWarehouseInstance(OrlibTokens.instanceName(file), capacities, fixed, demands, costs);
    }
}
