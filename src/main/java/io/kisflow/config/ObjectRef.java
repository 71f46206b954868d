package io.kisflow.config;

/**
 * Names one object of a project: its kind and its name ({@code flow_name}, {@code fname} or
 * {@code cname}). The global config has no name and uses {@code ""}.
 *
 * <pre>{@code Origin where = result.origins().get(ObjectRef.flow("CalStuAvgScore"));}</pre>
 */
public record ObjectRef(KisType type, String name) {
    public static final ObjectRef GLOBAL = new ObjectRef(KisType.GLOBAL, "");

    public ObjectRef {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        name = Values.text(name);
    }

    public static ObjectRef flow(String name) {
        return new ObjectRef(KisType.FLOW, name);
    }

    public static ObjectRef func(String name) {
        return new ObjectRef(KisType.FUNC, name);
    }

    public static ObjectRef conn(String name) {
        return new ObjectRef(KisType.CONN, name);
    }

    /** How users call this kind of object in messages: "flow", "function", "connector", "global config". */
    public String kindWord() {
        return switch (type) {
            case FLOW -> "flow";
            case FUNC -> "function";
            case CONN -> "connector";
            case GLOBAL -> "global config";
        };
    }

    /** {@code flow "x"}, {@code function "y"}, or {@code global config}. */
    @Override
    public String toString() {
        return type == KisType.GLOBAL ? kindWord() : kindWord() + " " + ConfigValidator.q(name);
    }
}
