/**
 * The Cursor-on-Target event as values: {@link org.vigil.cot.event.CotEvent}, its
 * {@link org.vigil.cot.event.CotPoint} (degrees and metres, 9999999 = unknown) and the
 * open-ended {@link org.vigil.cot.event.Detail} kept as received.
 */
package org.vigil.cot.event;
