package dev.cachet.providers.http;

/**
 * One event of a server-sent event stream: its name ({@code message} when the server gave none) and its data, the
 * lines of several {@code data:} fields joined by newlines.
 */
public record ServerSentEvent(String name, String data) {}
