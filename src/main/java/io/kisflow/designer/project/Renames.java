package io.kisflow.designer.project;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.KisType;
import io.kisflow.config.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which objects of an edited set are objects of the saved set under a new name, so that a renamed
 * object keeps its file. The designer knows its renames and can pass them; without them they are
 * inferred per kind: an object gone and one new whose content is the same apart from the name are
 * a rename, and so are the only gone and the only new object of a kind.
 */
final class Renames {
    private Renames() {
    }

    /** Old ref to new ref. */
    static Map<ObjectRef, ObjectRef> infer(ConfigSet before, ConfigSet after) {
        Map<ObjectRef, ObjectRef> renames = new LinkedHashMap<>();
        for (KisType type : List.of(KisType.FLOW, KisType.FUNC, KisType.CONN)) {
            List<ObjectRef> gone = new ArrayList<>();
            List<ObjectRef> added = new ArrayList<>();
            Map<ObjectRef, Object> old = ProjectObjects.all(before);
            Map<ObjectRef, Object> now = ProjectObjects.all(after);
            old.keySet().stream().filter(r -> r.type() == type && !now.containsKey(r)).forEach(gone::add);
            now.keySet().stream().filter(r -> r.type() == type && !old.containsKey(r)).forEach(added::add);
            for (ObjectRef a : List.copyOf(added)) {
                for (ObjectRef g : gone) {
                    if (ProjectObjects.renamed(now.get(a), g.name()).equals(old.get(g))) {
                        renames.put(g, a);
                        gone.remove(g);
                        added.remove(a);
                        break;
                    }
                }
            }
            if (gone.size() == 1 && added.size() == 1) {
                renames.put(gone.get(0), added.get(0));
            }
        }
        return renames;
    }

    /** Checks renames given by the caller: each must name an object gone and one new of the same kind. */
    static Map<ObjectRef, ObjectRef> checked(Map<ObjectRef, ObjectRef> given, ConfigSet before, ConfigSet after) {
        Map<ObjectRef, ObjectRef> ok = new LinkedHashMap<>();
        for (Map.Entry<ObjectRef, ObjectRef> e : given.entrySet()) {
            ObjectRef from = e.getKey();
            ObjectRef to = e.getValue();
            if (from.type() == to.type() && !from.equals(to) && ProjectObjects.get(before, from) != null
                    && ProjectObjects.get(after, from) == null && ProjectObjects.get(after, to) != null
                    && ProjectObjects.get(before, to) == null && !ok.containsValue(to)) {
                ok.put(from, to);
            }
        }
        return ok;
    }
}
