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
