package dev.cachet.providers.pricing;

/** A price file cannot be used; the message names the file and what is wrong. */
public class PriceTableException extends RuntimeException {
    public PriceTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
