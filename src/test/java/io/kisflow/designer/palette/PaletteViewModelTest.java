package io.kisflow.designer.palette;

import io.kisflow.designer.Fixtures;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.edit.StepEdits;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaletteViewModelTest {
    private final ProjectDocument doc = new ProjectDocument();

    @Test
    void listsFunctionsConnectorsAndUnconfiguredPluginFunctionsFiltered() {
        doc.open(Path.of("/tmp/p"), Fixtures.state(), Fixtures.state());
        PaletteViewModel p = new PaletteViewModel(doc);
        p.implementedProperty().set(Set.of("AvgStuScore", "Dedupe", "Enrich"));
        assertEquals(List.of("AvgStuScore", "LoadAvgScore", "PrintStuAvgScore", "RankScores", "SaveAvgScore", "VerifyStu"),
                p.functions().stream().map(PaletteItem::name).toList());
        assertEquals("Calculate \u00b7 2 cards", p.functions().get(0).detail());
        assertEquals("Save \u2192 ScoreStore \u00b7 1 card", p.functions().get(4).detail());
        assertEquals(List.of("ScoreStore"), p.connectors().stream().map(PaletteItem::name).toList());
        assertEquals(List.of("Dedupe", "Enrich"), p.unconfigured().stream().map(PaletteItem::name).toList());

        p.filterProperty().set("LOAD");
        assertEquals(List.of("LoadAvgScore"), p.functions().stream().map(PaletteItem::name).toList());
        assertEquals(List.of(), p.connectors());
        p.filterProperty().set("");

        doc.perform(StepEdits.remove("StuScore", 2));
        assertEquals("Expand \u00b7 unused", p.functions().get(2).detail(), "use counts follow edits");

        p.select(p.connectors().get(0));
        assertEquals(Selection.connector("ScoreStore"), doc.selection());
    }
}
