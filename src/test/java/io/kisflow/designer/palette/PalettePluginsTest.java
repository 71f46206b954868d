package io.kisflow.designer.palette;

import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.shell.DesignerViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The palette's "In plugins, no config yet" list holds what the open project's plugins implement:
 * the built-in samples plugin serves the samples projects (their sidecar names it), no other project.
 */
class PalettePluginsTest {
    @TempDir
    Path tmp;

    @Test
    void aProjectOfItsOwnSeesNoneOfTheSamplesFunctions() throws IOException {
        Path project = tmp.resolve("mine");
        Files.createDirectories(project);
        Files.writeString(project.resolve("func-Greet.yml"), "kistype: func\nfname: Greet\nfmode: Calculate\nsource:\n  name: people\n");
        Files.writeString(project.resolve("flow-Hello.yml"), "kistype: flow\nstatus: 1\nflow_name: Hello\nflows:\n  - fname: Greet\n");
        DesignerViewModel vm = new DesignerViewModel(tmp.resolve("state"), DebugOptions.defaults());
        vm.session.open(project);

        assertEquals(List.of(), vm.palette.unconfigured());
        assertEquals(List.of(), List.copyOf(vm.debugger.session().implementedFunctions()));
        assertEquals(List.of("Greet"), vm.palette.functions().stream().map(PaletteItem::name).toList());
        // the finding validate prints, with the designer's own advice
        List<String> problems = vm.problems.rows().stream().map(r -> r.problem().message()).toList();
        assertTrue(problems.contains("function Greet (used by flow Hello) has no code: no plugin registers it; "
                + "write its code in the Code tab, add its plugin in the Plugins tab (a jar or a class folder), or pin rows for it in the Call tab"),
                problems.toString());
        vm.debugger.close();
    }

    @Test
    void theSamplesProjectKeepsTheSamplesPlugin() throws IOException {
        Path project = tmp.resolve("samples");
        copyTree(Path.of("conf-samples"), project);
        DesignerViewModel vm = new DesignerViewModel(tmp.resolve("state"), DebugOptions.defaults());
        vm.session.open(project);

        assertTrue(vm.debugger.session().implementedFunctions().containsAll(List.of("VerifyStu", "AvgStuScore", "Emit")),
                vm.debugger.session().implementedFunctions().toString());
        vm.debugger.close();
    }

    @Test
    void aSamplesSubfolderOpenedOnItsOwnKeepsTheSamplesPluginButAProjectOfItsOwnInsideDoesNot() throws IOException {
        Path samples = tmp.resolve("samples");
        copyTree(Path.of("conf-samples"), samples);
        DesignerViewModel vm = new DesignerViewModel(tmp.resolve("state"), DebugOptions.defaults());
        vm.session.open(samples.resolve("student-score"));
        assertTrue(vm.debugger.session().implementedFunctions().containsAll(List.of("VerifyStu", "AvgStuScore", "PrintStuAvgScore")),
                vm.debugger.session().implementedFunctions().toString());
        vm.debugger.close();

        // a folder with a sidecar of its own is a project of its own, wherever it sits
        Path mine = samples.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("func-Greet.yml"), "kistype: func\nfname: Greet\nfmode: Calculate\nsource:\n  name: people\n");
        Files.writeString(mine.resolve(".kisflow-studio.json"), "{\n  \"version\": 1\n}\n");
        DesignerViewModel other = new DesignerViewModel(tmp.resolve("state2"), DebugOptions.defaults());
        other.session.open(mine);
        assertEquals(List.of(), List.copyOf(other.debugger.session().implementedFunctions()));
        other.debugger.close();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
