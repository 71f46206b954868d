package io.kisflow.serve;

import java.io.IOException;

/** A deployment file that cannot be served as it is; the message is {@code FILE:LINE: what is wrong}. */
public final class DeploymentException extends IOException {
    public DeploymentException(String message) {
        super(message);
    }
}
