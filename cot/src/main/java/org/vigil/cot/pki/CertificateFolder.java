package org.vigil.cot.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server's certificate folder ({@code DATA_DIR/certs}), laid out the way TAK clients
 * expect: a certificate authority ({@code ca.pem}; its key {@code ca.key}, owner-only), a
 * truststore for clients ({@code truststore.p12}, the CA certificate only), the server's
 * key and certificate ({@code server.p12}, valid for localhost, 127.0.0.1, ::1 and any
 * extra names) and one {@code NAME.p12} per issued client. Keys are RSA 2048, signatures
 * SHA-256. Store passwords default to the TAK convention {@code atakatak}.
 */
public final class CertificateFolder {

    /** The TAK certificate scripts' default store password. */
    public static final String DEFAULT_PASSWORD = "atakatak";
    private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration CERT_VALIDITY = Duration.ofDays(730);
    private static final String SERVER_ALIAS = "server";

    private final Path dir;
    private final SecureRandom random = new SecureRandom();

    /** @param dir the {@code certs} folder itself */
    public CertificateFolder(Path dir) {
        this.dir = dir;
    }

    /** The folder for a data directory: {@code dataDir/certs}. */
    public static CertificateFolder inDataDir(Path dataDir) {
        return new CertificateFolder(dataDir.resolve("certs"));
    }

    public Path dir() {
        return dir;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path caKey() {
        return dir.resolve("ca.key");
    }

    public Path truststore() {
        return dir.resolve("truststore.p12");
    }

    public Path serverKeystore() {
        return dir.resolve("server.p12");
    }

    public Path clientKeystore(String name) {
        return dir.resolve(name + ".p12");
    }

    /** True once the CA and the server certificate exist. */
    public boolean isInitialised() {
        return Files.exists(caPem()) && Files.exists(caKey()) && Files.exists(serverKeystore());
    }

    /** What {@link #initialise} did. */
    public record InitResult(boolean createdCa, boolean createdServerCertificate, List<String> serverNames) {
    }

    /**
     * Creates what is missing: the CA (kept if present) and the server certificate
     * (re-issued when it lacks one of {@code extraNames}).
     *
     * @param extraNames host names or IP literals the server certificate must also cover
     */
    public synchronized InitResult initialise(Collection<String> extraNames) {
        try {
            Files.createDirectories(dir);
            boolean createdCa = false;
            if (!Files.exists(caPem()) || !Files.exists(caKey())) {
                createCa();
                createdCa = true;
            }
            Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
            names.addAll(extraNames);
            boolean createServer = createdCa || !Files.exists(serverKeystore())
                    || !serverNames().containsAll(names.stream().map(CertificateFolder::normalise).toList());
            if (createServer) {
                createServer(names);
            }
            if (createdCa || !Files.exists(truststore())) {
                writeTruststore();
            }
            return new InitResult(createdCa, createServer, serverNames());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not create certificates: " + e.getMessage(), e);
        }
    }

    /**
     * Issues a client certificate (CN = {@code name}) and writes it with its key and the CA
     * certificate to {@code NAME.p12} under {@code password}. Refuses to overwrite.
     */
    public synchronized Path issueClient(String name, char[] password) {
        if (!CLIENT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("client name must be 1-64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit: '" + name + "'");
        }
        if (!isInitialised()) {
            throw new IllegalStateException("no certificate authority in " + dir + " (run 'vigil certs init' first)");
        }
        Path out = clientKeystore(name);
        if (Files.exists(out) || name.equals("server") || name.equals("truststore")) {
            throw new IllegalArgumentException("a certificate named '" + name + "' already exists: " + out);
        }
        try {
            X509Certificate ca = readCaCertificate();
            PrivateKey caKey = readCaKey();
            KeyPair kp = newKeyPair();
            X509Certificate cert = sign(subject(name), kp, ca, caKey, false, List.of(), KeyPurposeId.id_kp_clientAuth);
            writeKeystore(out, name, kp.getPrivate(), new Certificate[] {cert, ca}, password);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not issue certificate: " + e.getMessage(), e);
        }
    }

    /** A fresh random password for a client store: 16 letters and digits. */
    public String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** The CA certificate. */
    public X509Certificate readCaCertificate() throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(caPem())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** The server key store ({@code server.p12}), opened with {@link #DEFAULT_PASSWORD}. */
    public KeyStore readServerKeystore() throws IOException, GeneralSecurityException {
        return readKeystore(serverKeystore(), DEFAULT_PASSWORD.toCharArray());
    }

    /** Opens a PKCS#12 store. */
    public static KeyStore readKeystore(Path p12, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, password);
        }
        return ks;
    }

    /** The names (DNS and IP) in the server certificate's subjectAltName, normalised. */
    public List<String> serverNames() {
        try {
            X509Certificate cert = (X509Certificate) readServerKeystore().getCertificate(SERVER_ALIAS);
            List<String> names = new ArrayList<>();
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    names.add(normalise(String.valueOf(san.get(1))));
                }
            }
            return names;
        } catch (IOException | GeneralSecurityException e) {
            return List.of();
        }
    }

    private void createCa() throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPair kp = newKeyPair();
        X500Name name = subject("Vigil CA");
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                java.util.Date.from(now.minus(Duration.ofHours(1))), java.util.Date.from(now.plus(CA_VALIDITY)),
                name, kp.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
        X509Certificate ca = toCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
        writePrivate(caKey(), pem(kp.getPrivate()));
        Files.writeString(caPem(), pem(ca), StandardCharsets.US_ASCII);
    }

    private void createServer(Collection<String> names) throws IOException, GeneralSecurityException, OperatorCreationException {
        X509Certificate ca = readCaCertificate();
        PrivateKey caKey = readCaKey();
        KeyPair kp = newKeyPair();
        List<GeneralName> sans = new ArrayList<>();
        for (String n : names) {
            sans.add(isIpLiteral(n) ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
        }
        X509Certificate cert = sign(subject("vigil-server"), kp, ca, caKey, true, sans, KeyPurposeId.id_kp_serverAuth);
        writeKeystore(serverKeystore(), SERVER_ALIAS, kp.getPrivate(), new Certificate[] {cert, ca},
                DEFAULT_PASSWORD.toCharArray());
    }

    private void writeTruststore() throws IOException, GeneralSecurityException {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("vigil-ca", readCaCertificate());
        try (OutputStream out = Files.newOutputStream(truststore())) {
            ts.store(out, DEFAULT_PASSWORD.toCharArray());
        }
    }

    private X509Certificate sign(X500Name subject, KeyPair kp, X509Certificate ca, PrivateKey caKey, boolean server,
                                 List<GeneralName> sans, KeyPurposeId purpose)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(),
                java.util.Date.from(now.minus(Duration.ofHours(1))), java.util.Date.from(now.plus(CERT_VALIDITY)),
                subject, kp.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
        if (server && !sans.isEmpty()) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
        }
        return toCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)));
    }

    private PrivateKey readCaKey() throws IOException {
        try (Reader r = Files.newBufferedReader(caKey(), StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair kp) {
                return conv.getPrivateKey(kp.getPrivateKeyInfo());
            }
            if (o instanceof PrivateKeyInfo info) {
                return conv.getPrivateKey(info);
            }
            throw new IOException("no private key in " + caKey());
        }
    }

    private static void writeKeystore(Path out, String alias, PrivateKey key, Certificate[] chain, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(alias, key, password, chain);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            ks.store(os, password);
        }
        restrict(tmp);
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writePrivate(Path path, String content) throws IOException {
        Files.writeString(path, "", StandardCharsets.US_ASCII);
        restrict(path);
        Files.writeString(path, content, StandardCharsets.US_ASCII);
    }

    private static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    private KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, random);
        return g.generateKeyPair();
    }

    private BigInteger serial() {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    private static X500Name subject(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Vigil").addRDN(BCStyle.CN, commonName).build();
    }

    private static X509Certificate toCertificate(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static String pem(Object o) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        }
        return sw.toString();
    }

    private static boolean isIpLiteral(String name) {
        return name.matches("[0-9.]+") || name.contains(":");
    }

    /** IP literals in canonical form (so {@code ::1} and {@code 0:0:0:0:0:0:0:1} compare equal). */
    private static String normalise(String name) {
        if (isIpLiteral(name)) {
            try {
                return InetAddress.getByName(name).getHostAddress();
            } catch (IOException e) {
                return name;
            }
        }
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
