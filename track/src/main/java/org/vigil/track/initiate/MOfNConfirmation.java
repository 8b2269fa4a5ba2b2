package org.vigil.track.initiate;

import org.vigil.track.Track;

/**
 * M-of-N confirmation: a track is confirmed once at least {@code m} of its last {@code n} frames
 * (its first included) updated it, and stays confirmed until a deleter removes it.
 *
 * @param m updates needed, {@code 1 <= m <= n}
 * @param n window of frames, {@code n <= 64}
 */
public record MOfNConfirmation(int m, int n) implements ConfirmationRule {

    public MOfNConfirmation {
        if (m < 1 || m > n || n > 64) {
            throw new IllegalArgumentException("need 1 <= m <= n <= 64, got m=" + m + " n=" + n);
        }
    }

    @Override
    public boolean confirmed(Track track) {
        long window = n == 64 ? -1L : (1L << n) - 1;
        return track.confirmed() || Long.bitCount(track.hitHistory() & window) >= m;
    }
}
