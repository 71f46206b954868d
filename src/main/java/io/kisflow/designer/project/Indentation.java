package io.kisflow.designer.project;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * How a file indents its block collections, so that lines the patcher adds look like their
 * neighbours: {@code step} for a nested mapping, {@code sequenceOffset} from a key to the dashes of
 * its list (0 for "indentless" lists), {@code itemOffset} from a dash to the item's content.
 */
record Indentation(int step, int sequenceOffset, int itemOffset) {
    static final Indentation DEFAULT = new Indentation(2, 2, 2);

    /** The first example of each kind found in the document, the defaults for the rest. */
    static Indentation of(YamlDocument doc) {
        int[] found = found(doc);
        // a file without a nested mapping still shows its unit in how far it indents its lists
        int step = found[0] > 0 ? found[0] : found[1] > 0 ? found[1] : DEFAULT.step;
        int seq = found[1] >= 0 ? found[1] : step;
        int item = found[2] > 0 ? found[2] : DEFAULT.itemOffset;
        return new Indentation(step, seq, item);
    }

    /** The first example of {step, sequenceOffset, itemOffset} in the document; -1 where it has none. */
    static int[] found(YamlDocument doc) {
        int[] found = {-1, -1, -1};
        scan(doc, doc.root, found);
        return found;
    }

    private static void scan(YamlDocument doc, Node n, int[] found) {
        if (YamlDocument.isFlow(n)) {
            return;
        }
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                Node v = t.getValueNode();
                int keyCol = doc.column(doc.start(t.getKeyNode()));
                if (found[0] < 0 && v instanceof MappingNode vm && !YamlDocument.isFlow(vm) && !vm.getValue().isEmpty()) {
                    found[0] = doc.column(doc.start(vm.getValue().get(0).getKeyNode())) - keyCol;
                }
                if (found[1] < 0 && v instanceof SequenceNode vs && !YamlDocument.isFlow(vs) && !vs.getValue().isEmpty()) {
                    int dash = doc.dashBefore(vs.getValue().get(0));
                    if (dash >= 0 && doc.startsLine(dash)) {
                        found[1] = Math.max(0, doc.column(dash) - keyCol);
                    }
                }
                scan(doc, v, found);
            }
        } else if (n instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                int dash = doc.dashBefore(item);
                if (found[2] < 0 && dash >= 0) {
                    found[2] = doc.start(item) - dash;
                }
                scan(doc, item, found);
            }
        }
    }
}
