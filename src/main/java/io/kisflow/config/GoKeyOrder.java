package io.kisflow.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which Go's yaml.v3 writes the keys of a map: text order, except that runs of digits
 * compare as numbers ({@code k2} before {@code k10}) and letters sort after other characters unless
 * they follow a digit. Exporting params in this order gives the same bytes as a Go export.
 */
final class GoKeyOrder implements Comparator<String> {
    static final GoKeyOrder INSTANCE = new GoKeyOrder();

    private GoKeyOrder() {
    }

    /** The keys in Go's order. A merge sort of our own: never throws, whatever the comparator's quirks. */
    static List<String> sorted(Collection<String> keys) {
        List<String> list = new ArrayList<>(keys);
        if (list.size() > 1) {
            String[] a = list.toArray(new String[0]);
            mergeSort(a, new String[a.length], 0, a.length);
            return List.of(a);
        }
        return list;
    }

    private static void mergeSort(String[] a, String[] tmp, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid);
        mergeSort(a, tmp, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            tmp[k++] = INSTANCE.compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
    }

    @Override
    public int compare(String x, String y) {
        if (x.equals(y)) {
            return 0;
        }
        return less(x, y) ? -1 : 1;
    }

    private static boolean less(String x, String y) {
        int[] a = x.codePoints().toArray();
        int[] b = y.codePoints().toArray();
        boolean afterDigit = false;
        for (int i = 0; i < a.length && i < b.length; i++) {
            if (a[i] == b[i]) {
                afterDigit = Character.isDigit(a[i]);
                continue;
            }
            boolean aLetter = Character.isLetter(a[i]);
            boolean bLetter = Character.isLetter(b[i]);
            if (aLetter && bLetter) {
                return a[i] < b[i];
            }
            if (aLetter || bLetter) {
                // a letter ends a number early (k1a < k10), otherwise punctuation comes before letters
                return afterDigit ? aLetter : bLetter;
            }
            long an = 0;
            long bn = 0;
            if (a[i] == '0' || b[i] == '0') {
                // inside a number that started with a non-zero digit, zeros are ordinary digits
                for (int j = i - 1; j >= 0 && Character.isDigit(a[j]); j--) {
                    if (a[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            while (ai < a.length && Character.isDigit(a[ai])) {
                an = an * 10 + (a[ai] - '0');
                ai++;
            }
            int bi = i;
            while (bi < b.length && Character.isDigit(b[bi])) {
                bn = bn * 10 + (b[bi] - '0');
                bi++;
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return a[i] < b[i];
        }
        return a.length < b.length;
    }
}
