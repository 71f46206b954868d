package io.kisflow.designer.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.GlobalConfig;
import io.kisflow.config.ObjectRef;
import io.kisflow.config.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of edit the designer makes, on every object of Go's test configs (files in two
 * indentation styles, with and without a final line break, with comments): each must be patched in
 * place (no note about rewriting), change one file only, and read back as exactly the edited object.
 */
class EditKindsTest {
    @TempDir
    Path tmp;

    private int checked;
    /** Emptying a list or map drops the comments between its items with them: the one case where a note is right. */
    private boolean emptying;
    /** A removed step takes the comments inside it along; the others must stay. */
    private boolean removing;

    @Test
    void everyEditOfGosTestConfigsIsPatchedInPlace() throws Exception {
        Path dir = tmp.resolve("p");
        ProjectFilesTest.copyTree(io.kisflow.SharedMaterial.loadConf(), dir);
        ProjectFilesTest.copyTree(Path.of("src/test/resources/designer/project/commented"), dir.resolve("commented"));
        sweep(dir);
        assertTrue(checked > 200, "edits checked: " + checked);
    }

    @Test
    void everyEditOfTheSampleProjectsIsPatchedInPlace() throws Exception {
        Path dir = tmp.resolve("samples");
        ProjectFilesTest.copyTree(Path.of("conf-samples"), dir);
        sweep(dir);
        assertTrue(checked > 150, "edits checked: " + checked);
    }

    private void sweep(Path dir) throws Exception {
        ProjectFiles files = ProjectFiles.open(dir);
        ConfigSet base = files.configs();
        List<String> funcNames = List.copyOf(base.funcs().keySet());
        String someFunc = funcNames.get(0);
        String otherFunc = funcNames.get(funcNames.size() - 1);
        String someConn = base.conns().keySet().iterator().next();

        for (FlowConfig flow : base.flows().values()) {
            List<UnaryOperator<FlowConfig>> edits = new ArrayList<>();
            edits.add(f -> f.withStatus(0));
            edits.add(f -> f.withFlowName(f.flowName() + "X"));
            edits.add(f -> f.withFlows(List.of()));
            for (int i = 0; i <= flow.flows().size(); i++) {
                int at = i;
                edits.add(f -> f.withFlows(insert(f.flows(), at, new FlowStep(someFunc, Map.of("p", "1 2")))));
                edits.add(f -> f.withFlows(insert(f.flows(), at, FlowStep.of(otherFunc))));
            }
            for (int i = 0; i < flow.flows().size(); i++) {
                int at = i;
                edits.add(f -> f.withFlows(remove(f.flows(), at)));
                edits.add(f -> f.withFlows(replace(f.flows(), at, f.flows().get(at).withFname(otherFunc))));
                edits.add(f -> f.withFlows(replace(f.flows(), at, f.flows().get(at).withParams(Map.of("only", "one")))));
                edits.add(f -> f.withFlows(replace(f.flows(), at, f.flows().get(at).withParams(with(f.flows().get(at).params(), "myKey1", "new: value")))));
            }
            if (flow.flows().size() > 1) {
                edits.add(f -> f.withFlows(swapFirstTwo(f.flows())));
            }
            for (UnaryOperator<FlowConfig> e : edits) {
                FlowConfig edited = e.apply(flow);
                emptying = edited.flows().isEmpty();
                removing = edited.flows().size() < flow.flows().size();
                ConfigSet set = edited.flowName().equals(flow.flowName()) ? base.withFlow(edited) : base.withoutFlow(flow.flowName()).withFlow(edited);
                check(files, set, edited, files.origins().get(ObjectRef.flow(flow.flowName())).file(), true);
            }
        }

        removing = false;
        for (FuncConfig func : base.funcs().values()) {
            List<UnaryOperator<FuncConfig>> edits = List.of(
                    f -> f.withFmode("Expand"),
                    f -> f.withSource(f.source().withName("Other source")),
                    f -> f.withSource(f.source().withMust(List.of())),
                    f -> f.withSource(f.source().withMust(append(f.source().must(), "extra_id"))),
                    f -> f.withSource(new Source("", List.of(), Map.of())),
                    f -> f.withOption(f.option().withRetryTimes(5).withReturnDuration(100)),
                    f -> f.withOption(f.option().withDefaultParams(Map.of())),
                    f -> f.withOption(f.option().withDefaultParams(with(f.option().defaultParams(), "added", "x"))),
                    f -> f.withOption(f.option().withCname(f.option().cname().isEmpty() ? someConn : "")));
            for (UnaryOperator<FuncConfig> e : edits) {
                FuncConfig edited = e.apply(func);
                emptying = edited.option().defaultParams().isEmpty() && !func.option().defaultParams().isEmpty();
                boolean conn = func.hasConnector() || edited.hasConnector();
                check(files, base.withFunc(edited), edited, files.origins().get(ObjectRef.func(func.fname())).file(), !conn);
            }
        }

        ConnConfig conn = base.conn(someConn);
        List<UnaryOperator<ConnConfig>> connEdits = List.of(
                c -> c.withAddrs("127.0.0.1:6379"),
                c -> c.withType("mysql"),
                c -> c.withKey(""),
                c -> c.withParams(Map.of()),
                c -> c.withParams(with(c.params(), "args0", "first")),
                c -> c.withParams(Map.of("args2", "value2")));
        emptying = false;
        removing = false;
        for (UnaryOperator<ConnConfig> e : connEdits) {
            ConnConfig edited = e.apply(conn);
            check(files, base.withConn(edited), edited, files.origins().get(ObjectRef.conn(someConn)).file(), true);
        }
        GlobalConfig g = base.global();
        for (GlobalConfig edited : List.of(
                new GlobalConfig(false, g.prometheusListen(), g.prometheusServe(), g.extra()),
                new GlobalConfig(g.prometheusEnable(), g.prometheusListen(), "", g.extra()),
                new GlobalConfig(g.prometheusEnable(), g.prometheusListen(), g.prometheusServe(), Map.of("added", "yes")))) {
            check(files, base.withGlobal(edited), edited, files.origins().get(ObjectRef.GLOBAL).file(), true);
        }
    }

    /** Plans the save and checks: one file changed, no rewrite note, the new text reads back as {@code expected}. */
    private void check(ProjectFiles files, ConfigSet edited, Object expected, Path file, boolean onlyThisFile) throws Exception {
        if (edited.equals(files.configs())) {
            return; // an edit that changes nothing here (the step already calls that function)
        }
        SavePlan plan = files.planSave(edited, files.layout(), files.directory());
        FileChange change = plan.changes().stream().filter(c -> c.path().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + file + " for " + expected));
        if (onlyThisFile) {
            assertEquals(1, plan.changes().size(), () -> expected + ": " + plan.summary());
        }
        assertEquals(FileChange.Kind.CHANGE, change.kind());
        if (emptying) {
            assertTrue(change.notes().stream().allMatch(n -> n.endsWith("the comments inside it could not be kept")), change.notes()::toString);
        } else {
            assertEquals(List.of(), change.notes(), () -> "for " + expected + "\n--- old\n" + change.oldText() + "\n--- new\n" + change.newText());
            if (!removing) {
                assertUntouchedLinesKept(change.oldText(), change.newText(), expected);
            }
        }
        Object back = ProjectObjects.get(ConfigLoader.loadString(change.newText(), file).configs(), ProjectObjects.refOf(expected));
        if (expected instanceof ConnConfig c && back instanceof ConnConfig b) {
            assertEquals(c.withBindings(List.of(), List.of()), b.withBindings(List.of(), List.of()));
        } else {
            assertEquals(expected, back, () -> change.newText());
        }
        checked++;
    }

    /** Comments of the original are all still there, in order. */
    private static void assertUntouchedLinesKept(String before, String after, Object edited) {
        List<String> comments = before.lines().filter(l -> l.strip().startsWith("#")).toList();
        List<String> still = after.lines().filter(l -> l.strip().startsWith("#")).toList();
        assertEquals(comments, still, () -> edited + "\n" + after);
    }

    private static <T> List<T> insert(List<T> l, int at, T item) {
        List<T> c = new ArrayList<>(l);
        c.add(at, item);
        return c;
    }

    private static <T> List<T> remove(List<T> l, int at) {
        List<T> c = new ArrayList<>(l);
        c.remove(at);
        return c;
    }

    private static <T> List<T> replace(List<T> l, int at, T item) {
        List<T> c = new ArrayList<>(l);
        c.set(at, item);
        return c;
    }

    private static <T> List<T> append(List<T> l, T item) {
        return insert(l, l.size(), item);
    }

    private static <T> List<T> swapFirstTwo(List<T> l) {
        List<T> c = new ArrayList<>(l);
        T first = c.remove(0);
        c.add(1, first);
        return c;
    }

    private static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> c = new LinkedHashMap<>(m);
        c.put(k, v);
        return c;
    }
}
