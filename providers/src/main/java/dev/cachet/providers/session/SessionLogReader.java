package dev.cachet.providers.session;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.cachet.context.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The one reader of cachet's session logs, for everything that reads them back (replay, stats, the replay model,
 * resume). A line of an unknown type, from a newer cachet, is skipped. An unterminated last line that does not parse
 * is what a writer killed mid-line leaves: it is dropped with a warning. Any other bad line is an error that names
 * the file and the line.
 */
public final class SessionLogReader {
    private final Consumer<String> warnings;
    private final Set<String> wanted;

    /** @param warnings told about each line that was dropped */
    public SessionLogReader(Consumer<String> warnings) {
        this(warnings, SessionEvent.TYPES);
    }

    private SessionLogReader(Consumer<String> warnings, Set<String> wanted) {
        this.warnings = warnings;
        this.wanted = wanted;
    }

    /** A reader that decodes only events of these kinds; the other lines are checked to be events, and skipped. */
    @SafeVarargs
    public final SessionLogReader only(Class<? extends SessionEvent>... kinds) {
        return new SessionLogReader(warnings, Arrays.stream(kinds).map(SessionEvent::typeOf).collect(Collectors.toSet()));
    }

    public List<LoggedEvent> read(Path file) {
        if (Files.isDirectory(file)) {
            throw new SessionLogException(file + " is a directory; expected a session log (.jsonl)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new SessionLogException("session log not found: " + file);
        } catch (AccessDeniedException e) {
            throw new SessionLogException("cannot read session log " + file + ": permission denied");
        } catch (IOException e) {
            throw new SessionLogException("cannot read session log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a log from any stream; {@code source} names it in errors and warnings. */
    public List<LoggedEvent> read(InputStream in, String source) throws IOException {
        List<LoggedEvent> events = new ArrayList<>();
        try {
            JsonlLines.forEach(in, line -> parse(source, line).ifPresent(events::add));
        } catch (JsonlLines.NotUtf8 e) {
            throw new SessionLogException(source + ":" + e.line + ": not UTF-8 (byte offset " + e.offset + ")");
        }
        return events;
    }

    private Optional<LoggedEvent> parse(String source, JsonlLines.Line line) {
        if (line.text().isBlank()) {
            return Optional.empty();
        }
        String where = source + ":" + line.number();
        JsonNode node;
        try {
            node = Json.mapper().readTree(line.text());
        } catch (JsonProcessingException e) {
            if (!line.terminated()) {
                warnings.accept(where + ": dropped a torn last line (" + line.text().length()
                        + " characters), as a writer stopped mid-line leaves it");
                return Optional.empty();
            }
            throw new SessionLogException(where + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            throw new SessionLogException(where + ": expected a JSON object with a \"type\" field naming the event");
        }
        String type = node.get("type").asText();
        if (!wanted.contains(type)) {
            return Optional.empty();
        }
        try {
            SessionEvent event = Json.mapper().treeToValue(node, SessionEvent.class);
            return Optional.of(new LoggedEvent(line.number(), time(node), event));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SessionLogException(where + ": malformed \"" + type + "\" event: " + reason(e));
        }
    }

    private static Optional<Instant> time(JsonNode node) {
        try {
            return node.path("time").isTextual() ? Optional.of(Instant.parse(node.get("time").asText())) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String reason(Exception e) {
        if (e instanceof InvalidTypeIdException wrongType) {
            return "\"" + path(wrongType) + "\" is a \"" + wrongType.getTypeId() + "\" where a \""
                    + expectedTypeId(wrongType.getBaseType().getRawClass()) + "\" was expected";
        }
        if (e instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            return invalid.getCause().getMessage();
        }
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** The name a closed hierarchy gives this class (an assistant message's role is "assistant"), else its own name. */
    private static String expectedTypeId(Class<?> type) {
        for (Class<?> parent : type.getInterfaces()) {
            JsonSubTypes subTypes = parent.getAnnotation(JsonSubTypes.class);
            if (subTypes != null) {
                for (JsonSubTypes.Type sub : subTypes.value()) {
                    if (sub.value().equals(type)) {
                        return sub.name();
                    }
                }
            }
        }
        return type.getSimpleName();
    }
}
