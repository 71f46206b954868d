package io.kisflow.designer.project;

import io.kisflow.config.ConfigExporter;
import io.kisflow.config.KisType;
import io.kisflow.config.ObjectRef;
import java.nio.charset.StandardCharsets;

/** File names for new objects: Go's export name, refused when the object's name cannot be part of one. */
final class FileNames {
    private FileNames() {
    }

    /**
     * Throws when the name would put the file elsewhere or is not a file name on common systems; the
     * message says which object and what to do.
     */
    static void check(ObjectRef ref) {
        if (ref.type() == KisType.GLOBAL) {
            return;
        }
        String name = ref.name();
        String why = null;
        if (name.isEmpty()) {
            why = "it has no name";
        } else if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            why = "its name contains a slash, which would put the file in another folder";
        } else if (name.contains("..")) {
            why = "its name contains \"..\", which could point out of the project folder";
        } else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            why = "its name contains a control character (such as a line break)";
        } else if (ConfigExporter.fileName(ref).getBytes(StandardCharsets.UTF_8).length > 250) {
            why = "its name is too long for a file name";
        }
        if (why != null) {
            throw new IllegalArgumentException("cannot save " + ref + " to a file of its own: " + why + "; rename it");
        }
    }

    /** {@code func-X.yaml} as {@code func-X-2.yaml}. */
    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot) + "-" + n + name.substring(dot);
    }
}
