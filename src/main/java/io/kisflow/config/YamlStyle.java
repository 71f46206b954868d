package io.kisflow.config;

/**
 * How new YAML is indented: {@link #GO} is Go yaml.v3's layout (what {@code export} writes, 4-space
 * steps); a project whose files use another layout gets new files in that layout instead, so they
 * look like their neighbours. {@code step} indents a nested mapping, {@code sequenceOffset} goes
 * from a key to the dashes of its list (0 for "indentless" lists), {@code itemOffset} from a dash to
 * the item's content.
 *
 * <pre>{@code String text = ConfigExporter.renderFlow(flow, new YamlStyle(2, 2, 2));}</pre>
 */
public record YamlStyle(int step, int sequenceOffset, int itemOffset) {
    /** Go yaml.v3's own layout. */
    public static final YamlStyle GO = new YamlStyle(4, 4, 2);

    public YamlStyle {
        if (step < 1 || sequenceOffset < 0 || itemOffset < 2) {
            throw new IllegalArgumentException("a YAML layout needs a step of 1 or more, a list offset of 0 or more and an item offset of 2 or more");
        }
    }
}
