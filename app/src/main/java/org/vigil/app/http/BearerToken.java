package org.vigil.app.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The shared secret that guards the API: clients send {@code Authorization: Bearer T}. Compared
 * in constant time; {@link #toString()} never shows it, so it cannot slip into a log line.
 */
public final class BearerToken {

    private static final String PREFIX = "Bearer ";

    private final byte[] secret;
    private final String text;

    private BearerToken(String text) {
        this.text = text;
        this.secret = text.getBytes(StandardCharsets.UTF_8);
    }

    /** A token given by the operator ({@code --token}); at least 8 printable characters without spaces. */
    public static BearerToken of(String text) {
        Objects.requireNonNull(text, "token");
        if (text.length() < 8 || text.length() > 512 || !text.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("--token: use 8 to 512 printable ASCII characters without spaces");
        }
        return new BearerToken(text);
    }

    /**
     * A fresh random token: 43 letters and digits from a SecureRandom (over 256 bits), so it
     * never starts with '-' (which a command line would take for an option) and needs no
     * escaping in a URL or a shell.
     */
    public static BearerToken generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new BearerToken(sb.toString());
    }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int GENERATED_LENGTH = 43;

    /** The token itself, for the start banner only. */
    public String reveal() {
        return text;
    }

    /** True when {@code candidate} is the token (constant time in the token's length). */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** True when an {@code Authorization} header value carries the token. */
    public boolean matchesHeader(String authorization) {
        if (authorization == null || authorization.length() <= PREFIX.length()
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        return matches(authorization.substring(PREFIX.length()).trim());
    }

    @Override
    public String toString() {
        return "BearerToken[hidden]";
    }
}
