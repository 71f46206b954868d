package io.kisflow.config;

/** The {@code kistype} of a file: which kind of object it describes, and its export file prefix. */
public enum KisType {
    FLOW("flow"), FUNC("func"), CONN("conn"), GLOBAL("global");

    private final String yaml;

    KisType(String yaml) {
        this.yaml = yaml;
    }

    /** The value as written in YAML. */
    public String yaml() {
        return yaml;
    }

    /** The kind for a YAML value, or null when the value names no kind. */
    public static KisType of(String yaml) {
        for (KisType t : values()) {
            if (t.yaml.equals(yaml)) {
                return t;
            }
        }
        return null;
    }
}
