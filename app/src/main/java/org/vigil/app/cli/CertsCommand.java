package org.vigil.app.cli;

import org.vigil.cot.pki.CertificateFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vigil certs ...}: the certificate authority for TAK clients on the TLS port. */
@Command(name = "certs", mixinStandardHelpOptions = true,
        description = "Certificates for the TLS streaming port: a CA, the server certificate, client certificates.",
        subcommands = {CertsCommand.Init.class, CertsCommand.Issue.class})
public final class CertsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code vigil certs init}: CA, truststore and server certificate. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Creates DIR/certs/ca.pem (the CA), truststore.p12 (for TAK clients; password atakatak) and "
                    + "server.p12 (valid for localhost, 127.0.0.1, ::1 and every --san). Keeps an existing CA; "
                    + "re-issues the server certificate when a --san is new.")
    static final class Init implements Callable<Integer> {

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "vigil-data",
                description = "Data folder; certificates go to DIR/certs (default ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--san", paramLabel = "NAME",
                description = "Another host name or IP address the server certificate must be valid for (repeatable).")
        List<String> sans = new ArrayList<>();

        @Override
        public Integer call() {
            for (String s : sans) {
                if (!s.matches("[A-Za-z0-9.:*-]{1,253}")) {
                    throw new UserInputException("--san: '" + s + "' is not a host name or IP address");
                }
            }
            CertificateFolder certs = CertificateFolder.inDataDir(dataDir);
            CertificateFolder.InitResult r = certs.initialise(sans);
            System.out.println("vigil: CA " + (r.createdCa() ? "created" : "kept") + ": " + certs.caPem());
            System.out.println("vigil: truststore for TAK clients: " + certs.truststore() + " (password "
                    + CertificateFolder.DEFAULT_PASSWORD + ")");
            System.out.println("vigil: server certificate " + (r.createdServerCertificate() ? "created" : "kept") + ": "
                    + certs.serverKeystore() + " for " + String.join(", ", r.serverNames()));
            return ExitCodes.OK;
        }
    }

    /** {@code vigil certs issue NAME}: a client certificate as PKCS#12. */
    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issues a client certificate for NAME and writes it with its key as DIR/certs/NAME.p12, "
                    + "the form TAK clients import. Without --password, generates one and prints it once.")
    static final class Issue implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "The user or device name (the certificate's CN).")
        String name;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "vigil-data",
                description = "Data folder; certificates live in DIR/certs (default ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--password", paramLabel = "PW",
                description = "Password for NAME.p12 (default: a generated one, printed once).")
        String password;

        @Override
        public Integer call() {
            CertificateFolder certs = CertificateFolder.inDataDir(dataDir);
            if (!certs.isInitialised()) {
                certs.initialise(List.of());
                System.out.println("vigil: created a certificate authority in " + certs.dir());
            }
            if (password != null && password.length() < 4) {
                throw new UserInputException("--password must have at least 4 characters");
            }
            String pw = password == null ? certs.randomPassword() : password;
            Path p12;
            try {
                p12 = certs.issueClient(name, pw.toCharArray());
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            System.out.println("vigil: client certificate for " + name + ": " + p12);
            if (password == null) {
                System.out.println("vigil: its password (shown only now): " + pw);
            }
            return ExitCodes.OK;
        }
    }
}
