package io.kisflow.designer.files;

import io.kisflow.config.KisType;
import io.kisflow.config.KistypeRepair;
import io.kisflow.config.Problem;
import io.kisflow.designer.document.ProjectDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a folder of Go's kistype: "" exports: the problem is shown, and the files change only when the user accepts the repair. */
class KistypeRepairsTest {
    static final String FLOW = "# exported by Go\nkistype: \"\"\nstatus: 1\nflow_name: Built\nflows:\n    - fname: Step\n      params: {}\n";
    static final String FUNC = "kistype: \"\"\nfname: Step\nfmode: Calculate\n";

    @TempDir
    Path tmp;

    @Test
    void openingShowsTheProblemAndWritesNothingUntilTheRepairIsAccepted() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("go-export"));
        Path flow = Files.writeString(project.resolve("flow-Built.yaml"), FLOW);
        Path func = Files.writeString(project.resolve("func-Step.yaml"), FUNC);
        ProjectDocument doc = new ProjectDocument();
        ProjectSession session = new ProjectSession(doc, tmp.resolve("state"), doc::state);

        session.open(project);
        List<Problem> shown = session.loadProblems();
        assertTrue(shown.stream().anyMatch(p -> p.isError() && flow.equals(p.file()) && p.message().contains("says this is a flow")), shown.toString());
        assertTrue(doc.state().configs().flows().isEmpty(), "nothing can be read from such a file yet");
        List<KistypeRepair.Fix> offered = KistypeRepairs.found(session);
        assertEquals(List.of(new KistypeRepair.Fix(flow, 2, KisType.FLOW), new KistypeRepair.Fix(func, 1, KisType.FUNC)), offered);
        assertEquals(FLOW, Files.readString(flow), "not now: the files stay as they are");

        KistypeRepairs.repair(session, doc, offered);
        assertEquals(FLOW.replace("kistype: \"\"", "kistype: flow"), Files.readString(flow), "only kistype changed; the comment stays");
        assertEquals(FUNC.replace("kistype: \"\"", "kistype: func"), Files.readString(func));
        assertTrue(doc.state().configs().flows().containsKey("Built"), "the project is reopened with the repaired files");
        assertTrue(doc.state().configs().funcs().containsKey("Step"));
        assertFalse(session.loadProblems().stream().anyMatch(Problem::isError), session.loadProblems().toString());
        assertFalse(doc.isDirty());
        assertTrue(KistypeRepairs.found(session).isEmpty(), "nothing left to offer");
    }
}
