package io.kisflow.connect;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** Messages for what went wrong talking to a server: the innermost cause, in words a user acts on. */
final class Failures {
    private Failures() {
    }

    /** "connector X (redis at a:1): cannot connect: Connection refused; check that the server runs and addrs is right". */
    static Exception connect(ConnectorSettings s, Throwable cause) {
        // the time limit is named only when it is what ended the attempt: a refused connection or a
        // wrong password comes back at once, and "within 5 s" sent users looking at the network
        return new Exception(s.where() + ": cannot connect" + (timedOut(cause) ? " within " + seconds(s) : "") + ": " + reason(cause)
                + "; check that the server runs and that addrs and the credentials in params are right", cause);
    }

    /** Whether the cause chain says the attempt ran out of time (by its type or its words). */
    static boolean timedOut(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String type = c.getClass().getSimpleName();
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (type.contains("Timeout") || c instanceof java.net.SocketTimeoutException || m.contains("timed out") || m.contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    /** A failure of a call on an open client. */
    static Exception call(ConnectorSettings s, String doing, Throwable cause) {
        return new Exception(s.where() + ": " + doing + " failed: " + reason(cause), cause);
    }

    static String seconds(ConnectorSettings s) {
        long ms = s.connectTimeout().toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** The most telling message of a cause chain: the innermost one that has a message, with its kind when it says little. */
    static String reason(Throwable t) {
        Throwable best = t;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                best = c;
            }
            if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException
                    || c instanceof UnresolvedAddressException) {
                best = c;
                break;
            }
        }
        String m = best.getMessage();
        if (best instanceof UnknownHostException) {
            return "unknown host " + m;
        }
        if (best instanceof UnresolvedAddressException) {
            return "the host name does not resolve";
        }
        if (m == null || m.isBlank()) {
            return best.getClass().getSimpleName();
        }
        return m.strip();
    }
}
