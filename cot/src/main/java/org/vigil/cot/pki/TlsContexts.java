package org.vigil.cot.pki;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.KeyManagerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

/** Netty TLS contexts for the streaming port (mutual TLS, 1.2 and 1.3) and for test and bench clients. */
public final class TlsContexts {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    /** The server side: presents {@code server.p12}, requires a client certificate signed by the CA. */
    public static SslContext server(CertificateFolder certs) throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(certs.readServerKeystore(), CertificateFolder.DEFAULT_PASSWORD.toCharArray());
        return SslContextBuilder.forServer(kmf)
                .sslProvider(SslProvider.JDK)
                .trustManager(certs.readCaCertificate())
                .clientAuth(ClientAuth.REQUIRE)
                .protocols(PROTOCOLS)
                .build();
    }

    /** A client presenting {@code clientP12} and trusting only {@code ca}. */
    public static SslContext client(Path clientP12, char[] password, X509Certificate ca)
            throws IOException, GeneralSecurityException {
        KeyStore ks = CertificateFolder.readKeystore(clientP12, password);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .keyManager(kmf)
                .trustManager(ca)
                .protocols(PROTOCOLS)
                .build();
    }
}
