package io.kisflow.engine;

/** A function's mode. All five are called the same way; Save and Load are routed to connectors. */
public enum Mode {
    VERIFY("Verify"), SAVE("Save"), LOAD("Load"), CALCULATE("Calculate"), EXPAND("Expand");

    private final String yaml;

    Mode(String yaml) {
        this.yaml = yaml;
    }

    /** The spelling used in YAML ({@code fmode}). */
    public String yaml() {
        return yaml;
    }

    /** The mode for a YAML spelling; throws IllegalArgumentException naming the valid spellings. */
    public static Mode of(String yaml) {
        for (Mode m : values()) {
            if (m.yaml.equals(yaml)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown fmode '" + yaml + "': use Verify, Save, Load, Calculate or Expand");
    }

    @Override
    public String toString() {
        return yaml;
    }
}
