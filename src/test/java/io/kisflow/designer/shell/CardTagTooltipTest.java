package io.kisflow.designer.shell;

import io.kisflow.designer.debug.DebugOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 11: a card's tags (a built-in connector's long text) are shortened on the card and whole in its tooltip. */
class CardTagTooltipTest {
    @TempDir
    Path tmp;

    @Test
    void theTooltipOfACardShowsItsBuiltInTagInFull() throws IOException {
        Path project = tmp.resolve("scores");
        Files.createDirectories(project);
        String key = "stu_score12_avg_and_a_key_far_too_long_for_any_card";
        Files.writeString(project.resolve("conn-Store.yml"), "kistype: conn\ncname: Store\naddrs: 127.0.0.1:6379\ntype: redis\nkey: " + key + "\n");
        Files.writeString(project.resolve("func-SaveAvg.yml"), "kistype: func\nfname: SaveAvg\nfmode: Save\nsource:\n  name: scores\noption:\n  cname: Store\n");
        Files.writeString(project.resolve("flow-Keep.yml"), "kistype: flow\nstatus: 1\nflow_name: Keep\nflows:\n  - fname: SaveAvg\n");
        DesignerViewModel vm = new DesignerViewModel(tmp.resolve("state"), DebugOptions.defaults().withMetrics(false));
        try {
            vm.session.open(project);
            vm.canvas.setViewSize(1200, 600);
            vm.canvas.showOpened();
            double[] c = vm.canvas.cardCentre("Keep", 0);
            assertEquals("SaveAvg\nSave \u2192 Store \u00b7 card 1 of flow Keep\nbuilt-in \u00b7 RPUSH " + key, vm.canvas.describeAt(c[0], c[1]));
        } finally {
            vm.debugger.close();
        }
    }
}
