package io.kabar.notification.matching;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How an alert's fan-out is cut up: the subscription id space into {@value #SLICES} slices written side by side (so
 * that the waits of one chain of transactions overlap with the others'), and each slice into chunks that start small
 * (so that delivery starts while the rest is written) and double up to the configured chunk size. Slice {@code s}
 * holds the ids after its start and up to the next slice's start included; its start, and so the slice a progress
 * record belongs to, is read off the record's "after" id alone, so the boundaries are fixed for every instance and
 * every version (subscription ids are random UUIDs, so slices cut at even two-hex-digit prefixes are about equal).
 *
 * @param chunkSize the largest chunk, in deliveries per transaction
 */
public record FanOutPlan(int chunkSize) {

    /** Slices of the id space; changing it changes the boundaries, which fan-outs in progress rely on. */
    public static final int SLICES = 6;

    /** Chunk 1 is an eighth of the largest, chunk 2 a quarter, chunk 3 a half. */
    private static final int RAMP = 3;

    /** Where each slice starts: "" (everything) for the first, then two-hex-digit prefixes evenly apart. */
    static final List<String> STARTS = IntStream.range(0, SLICES)
            .mapToObj(s -> s == 0 ? "" : HexFormat.of().toHexDigits((byte) (s * 256 / SLICES)))
            .toList();

    public FanOutPlan {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1");
        }
    }

    /** The slice that an "after" id of a progress record lies in: its start or a subscription id written in it. */
    static int sliceOf(String after) {
        int slice = 0;
        while (slice + 1 < SLICES && after.compareTo(STARTS.get(slice + 1)) >= 0) {
            slice++;
        }
        return slice;
    }

    /** The last id slice {@code slice} holds (the next slice's start), null for the last slice. */
    static String until(int slice) {
        return slice + 1 < SLICES ? STARTS.get(slice + 1) : null;
    }

    /** How many deliveries chunk {@code chunk} (from 1) of a slice holds at most. */
    int size(int chunk) {
        int shift = Math.max(0, RAMP + 1 - chunk);
        return Math.max(1, chunkSize >> shift);
    }
}
