package io.kisflow.designer.project;

import io.kisflow.config.ConfigExporter;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.KisType;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out the files a save or an export would write, without writing anything.
 *
 * <p>Save (into the project's own folder): an object whose file would not change is not touched;
 * a changed object's file is patched ({@link ObjectFileText}); a renamed object keeps its file; a
 * new object gets a new file named as Go's export names it, with the extension and indentation most
 * of the project's files have ({@link ProjectStyle}), in the folder where the project keeps that
 * kind of object; a deleted object's file is deleted; the layout sidecar is written when the
 * layout changed. Files changed on disk since the project was opened are flagged in the notes.
 *
 * <p>Export (into another folder): the full canonical export, no sidecar, nothing deleted.
 */
final class SavePlanner {
    private final ProjectSnapshot base;
    private final List<FileChange> changes = new ArrayList<>();
    private final Set<Path> planned = new HashSet<>();
    private ProjectStyle style;

    private SavePlanner(ProjectSnapshot base) {
        this.base = base;
    }

    static SavePlan save(ProjectSnapshot base, ConfigSet edited, ProjectLayout layout, Map<ObjectRef, ObjectRef> renames) {
        return save(base, edited, layout, renames, null);
    }

    /** @param code the function sources as edited (null: unchanged) */
    static SavePlan save(ProjectSnapshot base, ConfigSet edited, ProjectLayout layout, Map<ObjectRef, ObjectRef> renames,
                         Map<String, String> code) {
        SavePlanner p = new SavePlanner(base);
        p.planObjects(edited, renames);
        p.planSidecar(layout);
        if (code != null) {
            p.planCode(code);
        }
        return p.plan(base.dir());
    }

    static SavePlan export(ConfigSet edited, Path target, Path projectDir) {
        return export(edited, target, projectDir, null);
    }

    static SavePlan export(ConfigSet edited, Path target, Path projectDir, Map<String, String> code) {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException("cannot export to " + target + ": it is a file, not a folder");
        }
        SavePlanner p = new SavePlanner(ProjectSnapshot.empty(target));
        for (ObjectRef ref : ProjectObjects.all(edited).keySet()) {
            FileNames.check(ref);
        }
        List<String> notes = target.startsWith(projectDir) || projectDir.startsWith(target)
                ? List.of("the export folder and the project folder lie one inside the other, so loading either of them"
                        + " reads both copies and reports every name as defined twice")
                : List.of();
        for (Map.Entry<String, String> f : ConfigExporter.render(edited).entrySet()) {
            p.write(target.resolve(f.getKey()), f.getValue(), null, notes);
        }
        if (code != null) {
            code.forEach((file, text) -> p.write(target.resolve(file), text, null, List.of()));
        }
        return p.plan(target);
    }

    private SavePlan plan(Path target) {
        changes.sort(Comparator.comparing((FileChange c) -> c.path().toString()));
        return new SavePlan(target, changes);
    }

    // ---- objects -------------------------------------------------------------------------------

    private void planObjects(ConfigSet edited, Map<ObjectRef, ObjectRef> renames) {
        Map<ObjectRef, Object> before = ProjectObjects.all(base.configs());
        Map<ObjectRef, Object> after = ProjectObjects.all(edited);
        Map<ObjectRef, ObjectRef> newToOld = new HashMap<>();
        renames.forEach((from, to) -> newToOld.put(to, from));

        for (Map.Entry<ObjectRef, Object> e : after.entrySet()) {
            ObjectRef ref = e.getKey();
            ObjectRef oldRef = newToOld.getOrDefault(ref, ref);
            Object old = before.get(oldRef);
            Origin origin = old == null ? null : base.origins().get(oldRef);
            if (origin == null || origin.file() == null) {
                create(ref, e.getValue(), edited);
            } else if (ProjectObjects.changed(ref, old, base.configs(), e.getValue(), edited)) {
                update(origin.file(), old, e.getValue(), edited);
            }
        }
        Set<ObjectRef> kept = new HashSet<>(after.keySet());
        kept.addAll(newToOld.values());
        for (ObjectRef ref : before.keySet()) {
            Origin origin = base.origins().get(ref);
            if (!kept.contains(ref) && origin != null && origin.file() != null) {
                delete(origin.file());
            }
        }
    }

    private void update(Path file, Object old, Object now, ConfigSet edited) {
        String baseText = base.texts().get(file);
        String current = readOrNull(file);
        List<String> notes = new ArrayList<>();
        String text;
        if (baseText == null) {
            text = ProjectObjects.render(now, edited);
            notes.add("could not be read again after loading, so it is written anew in the standard layout");
        } else {
            ObjectFileText.Result r = ObjectFileText.patch(file, baseText, old, base.configs(), now, edited);
            text = r.text();
            notes.addAll(r.notes());
        }
        if (current == null) {
            notes.add("was deleted outside the designer since the project was opened; it is written again");
        } else if (!current.equals(baseText)) {
            notes.add("was changed outside the designer since the project was opened; saving replaces those changes");
        }
        write(file, text, current, notes);
    }

    private void create(ObjectRef ref, Object config, ConfigSet edited) {
        FileNames.check(ref);
        Path folder = folderFor(ref.type());
        if (style == null) {
            style = ProjectStyle.of(base); // read once per save, and only when a file is added
        }
        String name = style.fileName(ref);
        Path file = folder.resolve(name);
        List<String> notes = new ArrayList<>();
        for (int i = 2; Files.exists(file) || Files.isSymbolicLink(file) || planned.contains(file); i++) {
            file = folder.resolve(FileNames.numbered(name, i));
        }
        if (!file.getFileName().toString().equals(name)) {
            notes.add(name + " is already taken by another file, so this " + ref.kindWord() + " gets "
                    + file.getFileName() + " (KisFlow reads every .yaml file, whatever its name)");
        }
        write(file, ProjectObjects.render(config, edited, style.yaml()), null, notes);
    }

    private void delete(Path file) {
        String current = readOrNull(file);
        if (current == null) {
            return; // already gone
        }
        List<String> notes = new ArrayList<>();
        if (!current.equals(base.texts().get(file))) {
            notes.add("was changed outside the designer since the project was opened; deleting it loses those changes");
        }
        changes.add(new FileChange(file, FileChange.Kind.DELETE, current, null, notes));
        planned.add(file);
    }

    /**
     * The folder where the project keeps objects of this kind: the one folder all of them are in
     * (Go's own test configs use flow/, func/, conn/), else the project folder.
     */
    private Path folderFor(KisType type) {
        Set<Path> folders = new LinkedHashSet<>();
        if (type != KisType.GLOBAL) {
            base.origins().forEach((ref, o) -> {
                if (ref.type() == type && o.file() != null) {
                    folders.add(o.file().getParent());
                }
            });
        }
        return folders.size() == 1 ? folders.iterator().next() : base.dir();
    }

    // ---- function sources ----------------------------------------------------------------------

    /** Sources are written as typed (no patching: they are not YAML); a file the project dropped is deleted. */
    private void planCode(Map<String, String> code) {
        for (Map.Entry<String, String> e : code.entrySet()) {
            Path file = base.dir().resolve(e.getKey());
            String baseText = base.code().get(e.getKey());
            String current = readOrNull(file);
            List<String> notes = new ArrayList<>();
            if (baseText != null && current != null && !current.equals(baseText)) {
                notes.add("was changed outside the designer since the project was opened; saving replaces those changes");
            }
            write(file, e.getValue(), current, notes);
        }
        for (String file : base.code().keySet()) {
            if (!code.containsKey(file)) {
                delete(base.dir().resolve(file));
            }
        }
    }

    // ---- sidecar -------------------------------------------------------------------------------

    private void planSidecar(ProjectLayout layout) {
        if (layout == null || layout.equals(base.layout())) {
            return;
        }
        Path file = base.sidecar();
        String current = readOrNull(file);
        List<String> notes = new ArrayList<>();
        if (current != null && base.sidecarText() != null && !current.equals(base.sidecarText())) {
            notes.add("was changed outside the designer since the project was opened; saving replaces those changes");
        } else if (current != null && base.layout().equals(ProjectLayout.EMPTY) && base.sidecarText() == null) {
            notes.add("appeared after the project was opened; saving replaces it");
        }
        write(file, LayoutFile.render(layout, current != null ? current : base.sidecarText()), current, notes);
    }

    // ---- files ---------------------------------------------------------------------------------

    /** Adds a CREATE (no current text) or CHANGE, or nothing when the text is already the file's. */
    private void write(Path file, String text, String current, List<String> notes) {
        if (current == null && Files.exists(file)) {
            current = readOrNull(file);
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException("cannot write " + file + ": a folder of that name is in the way");
            }
        }
        planned.add(file);
        if (current == null) {
            changes.add(new FileChange(file, FileChange.Kind.CREATE, null, text, notes));
        } else if (!current.equals(text)) {
            changes.add(new FileChange(file, FileChange.Kind.CHANGE, current, text, notes));
        }
    }

    /** The file's text now, or null when it does not exist; undecodable bytes are shown as replacement characters. */
    private static String readOrNull(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return TextFiles.read(file);
        } catch (CharacterCodingException e) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (IOException again) {
                throw new UncheckedIOException("cannot read " + file + ": " + again.getMessage(), again);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
