package org.vigil.cot.server;

import org.vigil.cot.event.CotEvent;

/**
 * An event a client sent, with the bytes it arrived as, so that a consumer that keeps the
 * event (the journal) can keep what was sent rather than encode it again.
 *
 * @param event    the decoded event
 * @param protobuf the TAK protocol v1 payload (a {@code TakMessage}, without its stream or mesh
 *                 framing) as received, or {@code null} when the event came as XML
 */
public record Received(CotEvent event, byte[] protobuf) {
}
