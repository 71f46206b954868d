package io.kisflow.designer.project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements of character ranges of one text, collected while walking the document and applied
 * together. Insertions at the same position keep the order in which they were added; ranges that
 * overlap mean the patch is inconsistent and are refused.
 */
final class TextEdits {
    private record Edit(int start, int end, String text, int seq) {
    }

    private final List<Edit> edits = new ArrayList<>();
    private int seq;

    void replace(int start, int end, String text) {
        if (start < 0 || end < start) {
            throw new Unpatchable("a position in it could not be found");
        }
        edits.add(new Edit(start, end, text, seq++));
    }

    void insert(int at, String text) {
        replace(at, at, text);
    }

    /** Keeps the edits of a part that was patched successfully. */
    void addAll(TextEdits other) {
        for (Edit e : other.edits) {
            edits.add(new Edit(e.start, e.end, e.text, seq++));
        }
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    String applyTo(String text) {
        List<Edit> ordered = new ArrayList<>(edits);
        // from the end backwards, so earlier positions stay valid; at one position the replaced
        // range goes first and later insertions before earlier ones, so insertions end up in order
        ordered.sort(Comparator.comparingInt(Edit::start).reversed()
                .thenComparing(e -> e.end == e.start)
                .thenComparing(Comparator.comparingInt(Edit::seq).reversed()));
        StringBuilder sb = new StringBuilder(text);
        int limit = text.length();
        for (Edit e : ordered) {
            if (e.end > limit) {
                throw new Unpatchable("two changes in it overlap");
            }
            sb.replace(e.start, e.end, e.text);
            if (e.end > e.start) {
                limit = e.start;
            } else {
                limit = Math.min(limit, e.start);
            }
        }
        return sb.toString();
    }
}
