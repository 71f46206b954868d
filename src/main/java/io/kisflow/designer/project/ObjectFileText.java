package io.kisflow.designer.project;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.LoadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The new text of an object's existing file after an edit: the original text patched by
 * {@link YamlPatcher}, then read back with the real loader and compared with the edited object.
 * Only a patch that reads back as exactly the edited object is used; otherwise (or when the file
 * cannot be patched at all) the file is written in the exporter's canonical form, and a note tells
 * the user that its comments and layout were not kept.
 */
final class ObjectFileText {
    /** The text to write and what the user should know about it. */
    record Result(String text, List<String> notes) {
    }

    private ObjectFileText() {
    }

    static Result patch(Path file, String original, Object before, ConfigSet beforeSet, Object after, ConfigSet afterSet) {
        String oldCanon = ProjectObjects.render(before, beforeSet);
        String newCanon = ProjectObjects.render(after, afterSet);
        Object expected = expected(before, beforeSet, after, afterSet);
        String why = null;
        for (boolean compact : new boolean[] {true, false}) {
            try {
                YamlPatcher.Patched patched = YamlPatcher.patch(original, oldCanon, newCanon, compact);
                if (expected.equals(readBack(patched.text(), file, after))) {
                    return new Result(patched.text(), patched.notes());
                }
                why = "the patched text did not read back as the edited object";
            } catch (Unpatchable e) {
                why = e.reason();
                break; // the same without compacting
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("could not be edited in place (" + why + "), so it is written anew in the standard layout; "
                + "its comments and formatting are not kept");
        if (!expected.equals(readBack(newCanon, file, after))) {
            notes.add("the standard layout of this object does not read back exactly as edited; check the file after saving");
        }
        return new Result(newCanon, notes);
    }

    /**
     * What the file must read back as: the edited object, except that a connector's load/save lists
     * are the file's own as long as the bindings behind them did not change (they are rewritten from
     * the bindings only when those changed).
     */
    private static Object expected(Object before, ConfigSet beforeSet, Object after, ConfigSet afterSet) {
        if (!(after instanceof ConnConfig c) || !(before instanceof ConnConfig old)) {
            return after;
        }
        List<String> oldLoad = beforeSet.boundFunctions(old.cname(), "Load");
        List<String> newLoad = afterSet.boundFunctions(c.cname(), "Load");
        List<String> oldSave = beforeSet.boundFunctions(old.cname(), "Save");
        List<String> newSave = afterSet.boundFunctions(c.cname(), "Save");
        return c.withBindings(oldLoad.equals(newLoad) ? old.load() : newLoad, oldSave.equals(newSave) ? old.save() : newSave);
    }

    private static Object readBack(String text, Path file, Object after) {
        LoadResult r = ConfigLoader.loadString(text, file);
        return ProjectObjects.get(r.configs(), ProjectObjects.refOf(after));
    }
}
