package io.kisflow.designer.edit;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;

/**
 * Keeps a connector's {@code load}/{@code save} lists equal to the functions that bind it. Only
 * the connectors an edit touched are rewritten, so the lists of untouched connectors stay exactly
 * as read (their files stay byte-identical).
 */
final class Bindings {
    private Bindings() {
    }

    static ConfigSet resync(ConfigSet set, String... cnames) {
        ConfigSet s = set;
        for (String cname : cnames) {
            ConnConfig c = cname == null ? null : s.conn(cname);
            if (c == null) {
                continue;
            }
            ConnConfig synced = c.withBindings(s.boundFunctions(cname, "Load"), s.boundFunctions(cname, "Save"));
            if (!synced.equals(c)) {
                s = s.withConn(synced);
            }
        }
        return s;
    }
}
