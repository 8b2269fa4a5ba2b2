/**
 * Cursor-on-Target (CoT): the event model ({@code event}), the XML and TAK protocol v1
 * codecs and framings ({@code codec}), the TAK-compatible streaming server over TCP, TLS
 * and UDP ({@code server}), its certificates ({@code pki}) and a load generator
 * ({@code bench}). The wire formats are described in {@code shared/spec/tak-protocol.md}.
 */
package org.vigil.cot;
