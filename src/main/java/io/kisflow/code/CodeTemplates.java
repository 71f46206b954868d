package io.kisflow.code;

import io.kisflow.config.ConnConfig;
import io.kisflow.config.FuncConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first text of a function's (or connector's) source, fitting its mode, so that "Write code"
 * gives something that compiles and runs at once: a Verify that keeps the rows it accepts, a
 * Calculate that maps each row, a Save that writes each row through its connector and passes it on,
 * a Load that commits what its connector returns, an Expand that splits rows into many, and a typed
 * variant that reads each row into a record of the function's {@code source.must} fields.
 *
 * <pre>{@code String text = CodeTemplates.function(funcConfig, false);}</pre>
 */
public final class CodeTemplates {
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package",
            "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "_", "record", "var", "yield");

    private CodeTemplates() {
    }

    /** The source of {@code functions/<ClassName>.java} for this function; {@code typed} reads rows into a record. */
    public static String function(FuncConfig fc, boolean typed) {
        String cls = JavaNames.className(fc.fname());
        String mode = fc.fmode() == null ? "Calculate" : fc.fmode();
        String body = typed ? typedBody(fc, mode) : plainBody(fc.fname(), mode);
        return header(fc.fname() + " (" + mode + "): this file's class registers its code under the name the YAML uses.")
                + "public class " + cls + " implements KisPlugin {\n"
                + body
                + "}\n";
    }

    /** The source of a connector's code: an in-memory list its Save functions append to and its Load functions read. */
    public static String connector(ConnConfig cc) {
        String cls = JavaNames.className(cc.cname()) + "Connector";
        StringBuilder b = new StringBuilder();
        b.append(header("Connector " + cc.cname() + ": init opens the client once per engine; each call serves one Save or Load function."));
        b.append("public class ").append(cls).append(" implements KisPlugin {\n");
        b.append("    @Override\n    public void register(Pool pool) {\n");
        b.append("        // open your client here (a JDBC DataSource, a Redis connection...) and keep it in the connector's metadata\n");
        b.append("        pool.caasInit(\"").append(esc(cc.cname())).append("\", connector -> connector.setMetaData(\"rows\", new java.util.concurrent.CopyOnWriteArrayList<Object>()));\n");
        for (String save : cc.save()) {
            b.append("        pool.caas(\"").append(esc(cc.cname())).append("\", \"").append(esc(save)).append("\", Mode.SAVE, (connector, function, flow, row) -> {\n")
                    .append("            rows(connector).add(row);\n            return null;\n        });\n");
        }
        for (String load : cc.load()) {
            b.append("        pool.caas(\"").append(esc(cc.cname())).append("\", \"").append(esc(load)).append("\", Mode.LOAD, (connector, function, flow, args) -> List.copyOf(rows(connector)));\n");
        }
        b.append("    }\n\n");
        b.append("    @SuppressWarnings(\"unchecked\")\n    private static List<Object> rows(Connector connector) {\n")
                .append("        return (List<Object>) connector.getMetaData(\"rows\");\n    }\n");
        b.append("}\n");
        return b.toString();
    }

    private static String header(String what) {
        return "package functions;\n\n"
                + "import io.kisflow.engine.Connector;\n"
                + "import io.kisflow.engine.KisPlugin;\n"
                + "import io.kisflow.engine.Mode;\n"
                + "import io.kisflow.engine.Pool;\n\n"
                + "import java.util.Collection;\n"
                + "import java.util.LinkedHashMap;\n"
                + "import java.util.List;\n"
                + "import java.util.Map;\n\n"
                + "/** " + what + " */\n";
    }

    private static String plainBody(String fname, String mode) {
        String n = esc(fname);
        String loop = switch (mode.toLowerCase(Locale.ROOT)) {
            case "verify" -> """
                            for (Object row : flow.input()) {
                                // keep the rows that pass; the others stop here
                                if (row != null && !String.valueOf(row).isBlank()) {
                                    flow.commitRow(row);
                                }
                            }
                    """;
            case "save" -> """
                            Connector connector = flow.getConnector();
                            for (Object row : flow.input()) {
                                if (connector != null) {
                                    connector.call(flow, row);   // the connector's Save code writes it
                                }
                                flow.commitRow(row);             // and the row goes on to the next function
                            }
                    """;
            case "load" -> """
                            Connector connector = flow.getConnector();
                            for (Object row : flow.input()) {
                                Object loaded = connector == null ? row : connector.call(flow, row);
                                if (loaded instanceof Collection<?> many) {
                                    flow.commitRowBatch(many);
                                } else if (loaded != null) {
                                    flow.commitRow(loaded);
                                }
                            }
                    """;
            case "expand" -> """
                            for (Object row : flow.input()) {
                                // one row in, many out: a list gives its items, text its comma-separated parts
                                if (row instanceof Collection<?> many) {
                                    flow.commitRowBatch(many);
                                } else {
                                    for (String part : String.valueOf(row).split(",")) {
                                        flow.commitRow(part.strip());
                                    }
                                }
                            }
                    """;
            default -> """
                            for (Object row : flow.input()) {
                                if (row instanceof Map<?, ?> fields) {
                                    Map<Object, Object> out = new LinkedHashMap<>(fields);
                                    out.put("calculated_by", flow.getThisFunction().getName());
                                    flow.commitRow(out);
                                } else {
                                    flow.commitRow(String.valueOf(row).toUpperCase());
                                }
                            }
                    """;
        };
        return "    @Override\n    public void register(Pool pool) {\n"
                + "        pool.faas(\"" + n + "\", flow -> {\n"
                + loop
                + "        });\n    }\n";
    }

    private static String typedBody(FuncConfig fc, String mode) {
        List<String> fields = new ArrayList<>();
        for (String m : fc.source().must()) {
            String id = identifier(m);
            if (!fields.contains(id)) {
                fields.add(id);
            }
        }
        if (fields.isEmpty()) {
            fields.add("id");
        }
        StringBuilder components = new StringBuilder();
        StringBuilder put = new StringBuilder();
        for (String f : fields) {
            components.append(components.length() == 0 ? "" : ", ").append("Object ").append(f);
            put.append("                out.put(\"").append(f).append("\", row.").append(f).append("());\n");
        }
        boolean verify = mode.equalsIgnoreCase("verify");
        return "    /** One row, read from JSON by the field names (fields the row lacks are null). */\n"
                + "    public record Row(" + components + ") {\n    }\n\n"
                + "    @Override\n    public void register(Pool pool) {\n"
                + "        pool.faas(\"" + esc(fc.fname()) + "\", Row.class, (flow, rows) -> {\n"
                + "            for (Row row : rows) {\n"
                + (verify ? "                if (row." + fields.get(0) + "() == null) {\n                    continue;   // rows without it stop here\n                }\n" : "")
                + "                Map<String, Object> out = new LinkedHashMap<>();\n"
                + put
                + "                flow.commitRow(out);\n"
                + "            }\n"
                + "        });\n    }\n";
    }

    /** A record component name for a JSON field: letters, digits and '_' kept, a leading digit prefixed. */
    private static String identifier(String field) {
        StringBuilder b = new StringBuilder();
        for (char c : field.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' ? c : '_');
        }
        if (b.length() == 0 || !Character.isLetter(b.charAt(0)) && b.charAt(0) != '_') {
            b.insert(0, 'f');
        }
        String s = b.toString();
        return KEYWORDS.contains(s) ? s + "_" : s;
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
