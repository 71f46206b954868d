package io.kisflow.config;

/**
 * Where a value sits in a file ({@code option.default_params}, {@code x.y[2]}), spelt out only when a
 * message needs it. Building the text for every value read would copy a long key once per item
 * below it: quadratic on a hostile file, while a message is rare.
 */
final class KeyPath {
    private static final KeyPath ROOT = new KeyPath(null, "", -1);

    private final KeyPath parent;
    private final String key;
    private final int index;

    private KeyPath(KeyPath parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    /** The path named by a reader prefix such as {@code "option."} ({@code ""} for the file itself). */
    static KeyPath ofPrefix(String prefix) {
        return prefix.isEmpty() ? ROOT : new KeyPath(null, prefix.substring(0, prefix.length() - 1), -1);
    }

    boolean isRoot() {
        return this == ROOT;
    }

    KeyPath key(String name) {
        return new KeyPath(this, name, -1);
    }

    KeyPath item(int i) {
        return new KeyPath(this, null, i);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        append(sb);
        return sb.toString();
    }

    private void append(StringBuilder sb) {
        if (parent != null && !parent.isRoot()) {
            parent.append(sb);
        }
        if (key == null) {
            sb.append('[').append(index).append(']');
        } else {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(key);
        }
    }
}
