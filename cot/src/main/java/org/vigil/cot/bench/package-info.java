/** A load generator of simulated TAK clients in teams, measuring delivery latency and loss. */
package org.vigil.cot.bench;
