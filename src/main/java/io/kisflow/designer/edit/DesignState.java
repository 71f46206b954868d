package io.kisflow.designer.edit;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ObjectRef;
import io.kisflow.designer.project.ProjectLayout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the designer edits, as one value: the KisFlow configs, the canvas layout of the sidecar and
 * the project's function sources ({@code functions/*.java}: project-relative path to text). Every
 * edit produces a new state; undo puts an earlier one back (the text typed into a source is the
 * editor's own undo, see {@code ProjectDocument#show}).
 *
 * <pre>{@code DesignState s = new DesignState(configs, ProjectLayout.EMPTY); List<String> lanes = s.lanes();}</pre>
 */
public record DesignState(ConfigSet configs, ProjectLayout layout, Map<ObjectRef, ObjectRef> renamedFrom, Map<String, String> code) {
    public static final DesignState EMPTY = new DesignState(ConfigSet.EMPTY, ProjectLayout.EMPTY);

    /**
     * @param renamedFrom for each object renamed since the project was opened, its current ref to
     *                    its ref when opened; lets Save keep a renamed object in its own file
     */
    public DesignState {
        Objects.requireNonNull(configs, "configs");
        Objects.requireNonNull(layout, "layout");
        renamedFrom = renamedFrom == null || renamedFrom.isEmpty() ? Map.of() : Map.copyOf(renamedFrom);
        code = code == null || code.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(code));
    }

    /** A state as opened: nothing renamed yet, no function sources. */
    public DesignState(ConfigSet configs, ProjectLayout layout) {
        this(configs, layout, Map.of(), Map.of());
    }

    /** A state as opened with its function sources. */
    public DesignState(ConfigSet configs, ProjectLayout layout, Map<String, String> code) {
        this(configs, layout, Map.of(), code);
    }

    public DesignState withConfigs(ConfigSet newConfigs) {
        return new DesignState(newConfigs, layout, renamedFrom, code);
    }

    public DesignState withLayout(ProjectLayout newLayout) {
        return new DesignState(configs, newLayout, renamedFrom, code);
    }

    /** The same state with these function sources (all of them). */
    public DesignState withCode(Map<String, String> newCode) {
        return new DesignState(configs, layout, renamedFrom, newCode);
    }

    /** The same state with one source file written (added or replaced). */
    public DesignState withCodeFile(String file, String text) {
        Map<String, String> m = new HashMap<>(code);
        m.put(file, text);
        return withCode(m);
    }

    /** The same state without a source file. */
    public DesignState withoutCodeFile(String file) {
        Map<String, String> m = new HashMap<>(code);
        m.remove(file);
        return withCode(m);
    }

    /**
     * This state's files with the text {@code typed} holds for each of them: what undo and redo put
     * back. The files that exist come from this state (creating, renaming and deleting a file are
     * commands); their text stays as typed, since typing has the editor's own undo.
     */
    public DesignState withTextsOf(DesignState typed) {
        if (code.isEmpty() || typed.code.isEmpty()) {
            return this;
        }
        Map<String, String> m = new HashMap<>(code);
        boolean changed = false;
        for (Map.Entry<String, String> e : code.entrySet()) {
            if (!e.getKey().endsWith(".java")) {
                continue;   // a flow test case (tests/*.json) is never typed: replacing it is an edit, and undo takes it back
            }
            String t = typed.code.get(e.getKey());
            if (t != null && !t.equals(e.getValue())) {
                m.put(e.getKey(), t);
                changed = true;
            }
        }
        return changed ? withCode(m) : this;
    }

    /** The same state remembering that {@code from} is now called {@code to}. */
    DesignState renamed(ObjectRef from, ObjectRef to) {
        Map<ObjectRef, ObjectRef> m = new HashMap<>(renamedFrom);
        ObjectRef original = m.getOrDefault(from, from);
        m.remove(from);
        if (!original.equals(to)) {
            m.put(to, original);
        }
        return new DesignState(configs, layout, m, code);
    }

    /** The ref an object had when the project was opened. */
    private ObjectRef originalOf(ObjectRef current) {
        return renamedFrom.getOrDefault(current, current);
    }

    /**
     * The renames between {@code saved} and this state, saved ref to current ref: what Save passes
     * to the project files so that a renamed object keeps its file.
     */
    public Map<ObjectRef, ObjectRef> renamesSince(DesignState saved) {
        Map<ObjectRef, ObjectRef> savedByOriginal = new HashMap<>();
        saved.renamedFrom.forEach((current, original) -> savedByOriginal.put(original, current));
        Map<ObjectRef, ObjectRef> out = new HashMap<>();
        for (ObjectRef current : renamedFrom.keySet()) {
            ObjectRef original = originalOf(current);
            ObjectRef savedRef = savedByOriginal.getOrDefault(original, saved.renamedFrom.containsKey(original) ? null : original);
            if (savedRef != null && !savedRef.equals(current)) {
                out.put(savedRef, current);
            }
        }
        for (Map.Entry<ObjectRef, ObjectRef> e : saved.renamedFrom.entrySet()) {
            // renamed before the last save and renamed back to the opened name since
            ObjectRef original = e.getValue();
            if (!renamedFrom.containsKey(original) && !renamedFrom.containsValue(original) && !out.containsKey(e.getKey())) {
                out.put(e.getKey(), original);
            }
        }
        return out;
    }

    /**
     * Flow names top to bottom: those the layout orders first (when they still exist), then the
     * others in load order. Disabled flows are lanes too: they are greyed, never hidden.
     */
    public List<String> lanes() {
        Set<String> order = new LinkedHashSet<>();
        for (String name : layout.laneOrder()) {
            if (configs.flows().containsKey(name)) {
                order.add(name);
            }
        }
        order.addAll(configs.flows().keySet());
        return new ArrayList<>(order);
    }

    /** The same state with this lane order written into the layout. */
    public DesignState withLanes(List<String> order) {
        return withLayout(Layouts.withLaneOrder(layout, order));
    }

    /** The state without view settings (zoom, pan), which change the sidecar but are not edits. */
    public DesignState withoutView() {
        return withLayout(Layouts.withView(layout, 1.0, 0, 0));
    }
}
