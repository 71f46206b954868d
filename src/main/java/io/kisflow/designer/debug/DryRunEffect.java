package io.kisflow.designer.debug;

/** What the session's dry run does to a function card: shown as a badge on the card and a chip in the Call tab. */
public enum DryRunEffect {
    /** Not a dry run, or the function binds no connector, or its pinned rows stand in for it. */
    NONE,
    /** Its connector calls are recorded (the Call tab lists them), not performed: nothing is written. */
    RECORDED,
    /** A Load function with code: it would read storage, so a dry run refuses it until its rows are pinned. */
    NEEDS_PIN
}
