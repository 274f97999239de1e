package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.Utf8Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads trajectory files as JSON, turning every failure into a {@link TraceFormatException} naming file and line. */
public final class JsonFiles {
    /** The lines left out by the {@link #leavingOutCutLines} read running on this thread; null outside one. */
    private static final ThreadLocal<List<String>> LEFT_OUT = new ThreadLocal<>();

    private JsonFiles() {}

    /**
     * What a read gave, and, where it left lines out, why: the first line's error and how many there were.
     */
    public record Read<T>(T value, Optional<String> leftOut) {}

    /**
     * Runs {@code read} (an importer's) leaving out each line of a JSONL log that is not JSON, wherever it stands: an
     * unclean shutdown (kill -9, a power cut) cuts a line anywhere in a log, not only its last, and Claude Code itself
     * skips such a line since 2.1.121. One cut line must not cost a session's whole bill; what was left out is said.
     */
    public static <T> Read<T> leavingOutCutLines(Supplier<T> read) {
        List<String> outer = LEFT_OUT.get();
        List<String> leftOut = new ArrayList<>();
        LEFT_OUT.set(leftOut);
        try {
            T value = read.get();
            return new Read<>(value, leftOut.isEmpty() ? Optional.empty() : Optional.of(leftOut.get(0) + ", left out"
                    + (leftOut.size() == 1 ? "" : " (" + leftOut.size() + " lines left out in all)")
                    + "; the rest is read"));
        } finally {
            LEFT_OUT.set(outer);
        }
    }

    /**
     * Says why part of a log is left out, within a {@link #leavingOutCutLines} read; false outside one, where the
     * caller fails instead.
     */
    static boolean leftOut(String why) {
        List<String> leftOut = LEFT_OUT.get();
        if (leftOut == null) {
            return false;
        }
        leftOut.add(why);
        return true;
    }

    /** One parsed line of a JSONL file, with its 1-based line number. */
    public record Line(int number, JsonNode json) {}

    /** A whole file holding one JSON document. */
    public static JsonNode document(Path file) {
        String text = text(file);
        if (text.isBlank()) {
            throw new TraceFormatException(file + ": empty file");
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new TraceFormatException(file + ":" + line + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Every non-blank line of a JSONL file, parsed; a line that is not a JSON object fails with its number. Lines end
     * where {@link java.io.BufferedReader#readLine} ends them; the file is decoded whole and each line parsed where it
     * lies, with no string made of it. A last line that no line end follows and that is no JSON is torn, and left
     * out: the line a session is still writing, or was writing when it was killed (the harnesses write a line and its
     * end at once). Followed by its line end, it fails like any other, unless read {@link #leavingOutCutLines}.
     */
    public static List<Line> lines(Path file) {
        CharBuffer decoded = decoded(file);
        char[] text = decoded.array();
        int length = decoded.limit();
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (int start = decoded.position(); start < length; ) {
            int end = start;
            while (end < length && text[end] != '\n' && text[end] != '\r') {
                end++;
            }
            number++;
            if (!isBlank(text, start, end)) {
                // None for a torn last line (no line end follows it).
                Optional<JsonNode> json = object(file, number, text, start, end, end == length);
                if (json.isPresent()) {
                    lines.add(new Line(number, json.get()));
                }
            }
            start = end + 1 < length && text[end] == '\r' && text[end + 1] == '\n' ? end + 2 : end + 1;
        }
        if (lines.isEmpty()) {
            throw new TraceFormatException(file + (isBlank(text, decoded.position(), length) ? ": empty file"
                    : ": no complete line (its only line has no end: still being written?)"));
        }
        return lines;
    }

    /** The first {@code chars} characters of a file, for format detection; malformed UTF-8 is replaced. */
    public static String head(Path file, int chars) {
        return FileHead.read(file, chars).text();
    }

    /**
     * The value at {@code path} in a line, field names separated by dots and array elements by their index (such as
     * {@code message.content.0.id}); fails naming file, line and path when it is absent or null.
     */
    public static JsonNode required(Path file, Line line, String path) {
        JsonNode node = at(line, path);
        if (node.isMissingNode() || node.isNull()) {
            throw new TraceFormatException(file + ":" + line.number() + ": missing field " + path);
        }
        return node;
    }

    /** The token count at {@code path} in a line, as {@link Usages#count} reads it, naming file and line. */
    static long tokenCount(Path file, Line line, String path) {
        return Usages.count(file + ":" + line.number(), line.json(), path);
    }

    /** The token count at {@code path}, as {@link #tokenCount}; fails naming the path when it is absent or null. */
    static long requiredTokenCount(Path file, Line line, String path) {
        required(file, line, path);
        return tokenCount(file, line, path);
    }

    /** The string at {@code path} in a line, as {@link #required}; fails naming the path when it is not a string. */
    public static String requiredText(Path file, Line line, String path) {
        JsonNode node = required(file, line, path);
        if (!node.isTextual()) {
            throw new TraceFormatException(file + ":" + line.number() + ": field " + path + " is not a string");
        }
        return node.asText();
    }

    /** The ISO-8601 instant at {@code path} in a line, when present; fails naming the path when it does not parse. */
    public static Optional<Instant> instant(Path file, Line line, String path) {
        JsonNode node = at(line, path);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(node.asText()));
        } catch (DateTimeParseException e) {
            throw new TraceFormatException(file + ":" + line.number() + ": field " + path + " is not an instant: "
                    + node.asText());
        }
    }

    private static JsonNode at(Line line, String path) {
        return line.json().at(JsonPointer.compile("/" + path.replace('.', '/')));
    }

    /** The file decoded into a buffer's array, positioned past a byte order mark: no string made of it. */
    private static CharBuffer decoded(Path file) {
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)));
            return decoded.hasRemaining() && decoded.get(0) == FileHead.BOM ? decoded.position(1) : decoded;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static String text(Path file) {
        return decoded(file).toString();
    }

    /** Why a file could not be read, where: a missing file by name, bytes that are not UTF-8 by line and offset. */
    private static TraceFormatException unreadable(Path file, Exception e) {
        if (e instanceof NoSuchFileException) {
            return new TraceFormatException("trajectory not found: " + file);
        }
        if (e instanceof CharacterCodingException) {
            return new TraceFormatException(Utf8Position.firstIn(file).map(at -> at.describe(file))
                    .orElse(file + ": not UTF-8"), e);
        }
        return new TraceFormatException("cannot read " + file + ": "
                + (e instanceof IOException io ? IoReasons.of(io) : e.getMessage()), e);
    }

    /** As {@link String#isBlank}: white space only, a surrogate pair being none. */
    private static boolean isBlank(char[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text[i])) {
                return false;
            }
        }
        return true;
    }

    /** The line's object; none where the line is the last, no line end follows it, and it is no JSON (torn). */
    private static Optional<JsonNode> object(Path file, int number, char[] text, int start, int end, boolean unended) {
        try {
            JsonNode json = Json.mapper().readTree(Json.mapper().getFactory().createParser(text, start, end - start));
            if (json == null || !json.isObject()) {
                throw new TraceFormatException(file + ":" + number + ": expected a JSON object on each line");
            }
            return Optional.of(json);
        } catch (JsonProcessingException e) {
            if (unended) {
                return Optional.empty();
            }
            String why = file + ":" + number + ": not valid JSON: " + e.getOriginalMessage();
            if (leftOut(why)) {
                return Optional.empty();
            }
            throw new TraceFormatException(why);
        } catch (IOException e) {
            throw new UncheckedIOException("reading chars in memory", e);
        }
    }
}
