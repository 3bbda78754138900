package io.stagger.check.linear;

import java.util.Arrays;

/**
 * The set of configurations the search has seen — (linearized operations, register state) — as Lowe's improved
 * WGL keeps it: open addressing on a Zobrist hash of the linearized set (updated in place as operations are
 * linearized and undone) mixed with the state; the sets themselves are copied into one arena of words only when
 * a configuration is new, so a step allocates nothing.
 */
final class ConfigurationCache {
    private final int words;
    private long[] hashes = new long[1024];
    private int[] states = new int[1024];
    private int[] entries = new int[1024];
    private long[] arena;
    private int count;

    ConfigurationCache(int words) {
        this.words = words;
        this.arena = new long[Math.max(words, 1) * 256];
    }

    int size() {
        return count;
    }

    /** Words of memory the linearized sets take. */
    long arenaWords() {
        return (long) count * words;
    }

    /** Adds the configuration (hash of set, state, set) unless it is there; true when it was new. */
    boolean add(long setHash, int state, long[] set) {
        if ((count + 1) * 2 > entries.length) {
            rehash();
        }
        long hash = mix(setHash, state);
        int mask = entries.length - 1;
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            int entry = entries[slot];
            if (entry == 0) {
                store(slot, hash, state, set);
                return true;
            }
            if (hashes[slot] == hash && states[slot] == state && sameSet(entry - 1, set)) {
                return false;
            }
        }
    }

    private void store(int slot, long hash, int state, long[] set) {
        int offset = count * words;
        if (offset + words > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, offset + words));
        }
        System.arraycopy(set, 0, arena, offset, words);
        count++;
        entries[slot] = count;
        hashes[slot] = hash;
        states[slot] = state;
    }

    private boolean sameSet(int entry, long[] set) {
        int offset = entry * words;
        for (int i = 0; i < words; i++) {
            if (arena[offset + i] != set[i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        long[] oldHashes = hashes;
        int[] oldStates = states;
        int[] oldEntries = entries;
        hashes = new long[oldEntries.length * 2];
        states = new int[oldEntries.length * 2];
        entries = new int[oldEntries.length * 2];
        int mask = entries.length - 1;
        for (int i = 0; i < oldEntries.length; i++) {
            if (oldEntries[i] != 0) {
                int slot = (int) oldHashes[i] & mask;
                while (entries[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                entries[slot] = oldEntries[i];
                hashes[slot] = oldHashes[i];
                states[slot] = oldStates[i];
            }
        }
    }

    private static long mix(long setHash, int state) {
        long h = setHash ^ (state * 0x9E3779B97F4A7C15L);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
