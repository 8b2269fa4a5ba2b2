/**
 * The TAK-compatible streaming server on Netty: {@link org.vigil.cot.server.CotServer}
 * (TCP, mutual TLS, UDP), per-connection negotiation from XML to protobuf, group fan-out
 * with replay of the latest event per uid, ping answers, and bounded per-client queues
 * whose drops are counted in {@link org.vigil.cot.server.CotCounters}.
 */
package org.vigil.cot.server;
