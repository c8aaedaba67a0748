package uk.starred.delivery.common;

/** A recipient a channel cannot reach: the host's staff directory gives no usable e-mail address for them. */
public final class NoAddressException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoAddressException(String message) {
        super(message);
    }
}
