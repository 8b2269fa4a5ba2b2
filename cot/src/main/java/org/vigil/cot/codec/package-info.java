/**
 * Wire formats: the hardened XML decoder and the encoder (version 0), the TAK protocol v1
 * protobuf conversion with its typed-detail rules, the stream splitter for XML and the
 * streaming and mesh framings for protobuf. Decoders and framers never throw on bad
 * input: they return {@link org.vigil.cot.codec.DecodeResult.Rejected} or
 * {@link org.vigil.cot.codec.Framed.Refused} with a reason.
 */
package org.vigil.cot.codec;
