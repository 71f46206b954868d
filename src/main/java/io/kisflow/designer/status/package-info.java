/**
 * What the window's status bar shows of long work ({@link io.kisflow.designer.status.StatusModel}):
 * a package of its own with no dependency on the rest of the designer, so any part (files, debugger,
 * input loading) can report progress without importing the shell.
 */
package io.kisflow.designer.status;
