package org.lrasweep.sweep.spec;

/** A malformed sweep spec: the message is one line that names the offending key or value. */
public final class SpecException extends IllegalArgumentException {
    public SpecException(String message) {
        super(message);
    }
}
