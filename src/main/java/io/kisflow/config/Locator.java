package io.kisflow.config;

import java.util.Map;

/**
 * Where a part of an object is written: the object's file and the line of a key path such as
 * {@code "fmode"}, {@code "option.cname"} or {@code "flows[2].fname"}. After loading, every key's
 * line is known; for a project edited in memory only the objects' origins (or nothing) are.
 */
interface Locator {
    Origin NOWHERE = new Origin(null, 0);

    Origin at(ObjectRef ref, String path);

    /** Object-level positions only: every path of an object points at the object's origin. */
    static Locator of(Map<ObjectRef, Origin> origins) {
        return (ref, path) -> origins.getOrDefault(ref, NOWHERE);
    }

    /** Key-level positions as recorded while loading, falling back to the enclosing key, then the object. */
    static Locator of(Map<ObjectRef, Origin> origins, Map<ObjectRef, Map<String, Integer>> lines) {
        return (ref, path) -> {
            Origin o = origins.getOrDefault(ref, NOWHERE);
            Map<String, Integer> keyLines = lines.get(ref);
            if (keyLines == null) {
                return o;
            }
            String p = path;
            while (!p.isEmpty()) {
                Integer line = keyLines.get(p);
                if (line != null) {
                    return new Origin(o.file(), line);
                }
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                p = cut < 0 ? "" : p.substring(0, cut);
            }
            return o;
        };
    }
}
