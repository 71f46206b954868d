package io.kisflow.reliability;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.FuncOption;
import io.kisflow.config.ObjectRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The two versions of a generated project that the crash tests switch between. Version 0 has
 * connector {@code Store} bound by every function and flow {@code Old}; version 1 has it renamed
 * {@code Store1}, flow {@code Old} deleted and flow {@code New} added. So a save from one to the
 * other changes every function file and the connector's, deletes one file and creates one, and a
 * project that is neither version (some functions bound to a connector that no longer exists) is
 * easy to tell apart.
 */
public final class CrashProjects {
    private CrashProjects() {
    }

    public static String connector(int version) {
        return version == 0 ? "Store" : "Store1";
    }

    public static ConfigSet version(int version, int functions) {
        String conn = connector(version);
        ConfigSet set = ConfigSet.EMPTY.withConn(ConnConfig.of(conn, "redis", "127.0.0.1:6379", "scores"));
        List<FlowStep> steps = new ArrayList<>();
        for (int i = 0; i < functions; i++) {
            String name = "F" + i;
            set = set.withFunc(FuncConfig.of(name, "Save").withOption(FuncOption.EMPTY.withCname(conn)));
            steps.add(FlowStep.of(name));
            if (steps.size() == 10 || i == functions - 1) {
                set = set.withFlow(new FlowConfig(1, "Flow" + (i / 10), steps, Map.of()));
                steps = new ArrayList<>();
            }
        }
        String extra = version == 0 ? "Old" : "New";
        return set.withFlow(new FlowConfig(1, extra, List.of(FlowStep.of("F0")), Map.of()));
    }

    /** The renames that turn version {@code from} into the other one. */
    public static Map<ObjectRef, ObjectRef> renames(int from) {
        return Map.of(ObjectRef.conn(connector(from)), ObjectRef.conn(connector(1 - from)));
    }

    /** Writes the files of {@code set} into a new folder, without flushing each to disk: test setup only. */
    public static void write(ConfigSet set, Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : io.kisflow.config.ConfigExporter.render(set).entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
    }

    /** Which version {@code loaded} is: 0, 1, or -1 when it is neither (a mixed project). */
    public static int which(ConfigSet loaded, int functions) {
        for (int v = 0; v <= 1; v++) {
            if (sameObjects(loaded, version(v, functions))) {
                return v;
            }
        }
        return -1;
    }

    /** Same objects and bindings; the connectors' derived save lists are compared through the functions. */
    private static boolean sameObjects(ConfigSet a, ConfigSet b) {
        return a.flows().equals(b.flows()) && a.funcs().equals(b.funcs()) && a.conns().keySet().equals(b.conns().keySet());
    }

    /** Files a crash may leave: every name that is not a config, the sidecar or a file the test put there. */
    public static List<String> leftovers(Path dir) throws java.io.IOException {
        Map<String, Boolean> found = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> !p.equals(dir)).forEach(p -> {
                String n = p.getFileName().toString();
                boolean expected = Files.isRegularFile(p) && (n.endsWith(".yaml") && !n.startsWith(".") || n.equals(".kisflow-studio.json")
                        || n.equals("README.md"));
                if (!expected) {
                    found.put(dir.relativize(p).toString(), true);
                }
            });
        }
        return List.copyOf(found.keySet());
    }
}
