package io.kisflow.designer.debug.inspect;

import java.util.function.BooleanSupplier;

/**
 * A stable merge sort of an int array under a comparator of ints: sorts row indexes by their keys
 * without boxing a million Integers. Checks {@code cancelled} between passes and gives up early.
 */
final class IndexSort {
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IndexSort() {
    }

    /** Sorts {@code a[0..n)} in place; returns false when cancelled (the array is then in no particular order). */
    static boolean sort(int[] a, int n, IntComparator cmp, BooleanSupplier cancelled) {
        int[] src = a;
        int[] dst = new int[n];
        for (int width = 1; width < n; width *= 2) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                merge(src, dst, lo, mid, hi, cmp);
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
        return true;
    }

    private static void merge(int[] src, int[] dst, int lo, int mid, int hi, IntComparator cmp) {
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            // "<= 0" takes from the left run on ties: that is what keeps the sort stable.
            if (i < mid && (j >= hi || cmp.compare(src[i], src[j]) <= 0)) {
                dst[k] = src[i++];
            } else {
                dst[k] = src[j++];
            }
        }
    }
}
