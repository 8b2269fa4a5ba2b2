/**
 * Certificates for the TLS streaming port, as TAK clients use them: a CA, a PKCS#12
 * truststore, the server key store and per-client PKCS#12 stores (BouncyCastle), and the
 * Netty TLS contexts built from them.
 */
package org.vigil.cot.pki;
