package dev.cachet.evals.trace;

import static dev.cachet.evals.trace.JsonScalars.scalar;
import static dev.cachet.evals.trace.JsonScalars.skip;
import static dev.cachet.evals.trace.JsonScalars.textOf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The fields of one Claude Code line that {@link ClaudeCodeSummaryReader} needs, read with Jackson's streaming parser
 * and skipping everything else (file contents, thinking, tool inputs). Each field reads as the reader's
 * {@code JsonNode} calls read it ({@code path(..).asText(default)}, {@code asBoolean(false)}, {@code asLong()});
 * a value of a shape those calls would coerce (a number where text is expected, a float token count) is
 * {@link JsonScalars#OTHER}, and using it gives the file up to the importer.
 */
final class ClaudeCodeLine implements JsonLineFields.Field {
    private static final Set<String> TEXT = Set.of("text", "input_text", "output_text");
    private static final Set<String> IMAGE = Set.of("image", "input_image");

    /**
     * Top-level strings few lines use (the ids past a log's first line or outside a sidechain, the time and request of
     * a user line), read only when asked for ({@link #later}).
     */
    enum Later {
        SESSION_ID, UUID, PARENT_UUID, AGENT_ID, REQUEST_ID, TIMESTAMP;

        static final int COUNT = values().length;
    }

    /** A scalar's shape. */
    enum Shape { MISSING, NULL, TEXT, LIST, OBJECT, OTHER }

    /** One block of {@code message.content}. Fields absent are null. */
    static final class Block {
        String type;
        String text;
        String id;
        boolean nameIsText;
        Shape input = Shape.MISSING;
        String subagentType;
        String prompt;
        String toolUseId;
        /** A tool result's text as {@link Blocks#text} makes it; null where not read or not text. */
        ResultText resultText;
        /** A tool result's content is an object, which {@link Blocks#text} would walk. */
        boolean resultObject;

        String type() {
            return textOf(type);
        }
    }

    /** The line's bytes, which its tool results' texts point into. */
    private final byte[] bytes;
    /** As {@link #parse} was given them. */
    private final boolean mainKnown;
    private final boolean results;
    String type;
    /** Where each {@link Later} field stands in the line ({@link LaterText#at}). */
    private final int[] laterAt = new int[Later.COUNT];
    Boolean sidechain;
    boolean sidechainOther;
    boolean message;
    String messageId;
    String model;
    Shape content = Shape.MISSING;
    /** Content's text as {@link Blocks#text} makes it, where it was wanted; null where not read. */
    String contentText;
    final List<Block> blocks = new ArrayList<>();
    Shape usage = Shape.MISSING;
    /** input, output, cache creation, cache read, of which 1-hour cache creation. */
    final TokenCounts tokens = new TokenCounts(5);
    /** input_tokens, output_tokens: absent or null. */
    boolean inputMissing = true;
    boolean outputMissing = true;
    /** usage.speed and usage.inference_geo where they are strings ({@code textValue()}), else null. */
    String speed;
    String geo;
    String toolUseResultAgentId;
    /** A progress line's {@code data.type} and {@code data.agentId}, as {@link JsonScalars#scalar} reads them. */
    String dataType;
    String dataAgentId;
    /** Where a progress line's {@code data.message} object starts and ends in the line; -1 where it has none. */
    private int relayStart = -1;
    private int relayEnd = -1;
    /** The sub-agent's id of a line read from a parent's progress line ({@link #relayed}); else null. */
    private String relayedFor;

    private ClaudeCodeLine(byte[] bytes, boolean mainKnown, boolean results) {
        this.bytes = bytes;
        this.mainKnown = mainKnown;
        this.results = results;
        Arrays.fill(laterAt, LaterText.ABSENT);
    }

    /**
     * Reads a line.
     *
     * @param mainKnown whether the main context has been met: then a line that says it is no sidechain before its
     *                  message needs no text of its own
     * @param results   whether a user line's tool results are read, to be sized; else they are skipped
     */
    static ClaudeCodeLine parse(byte[] bytes, int length, boolean mainKnown, boolean results) throws IOException {
        return JsonLineFields.read(bytes, length, new ClaudeCodeLine(bytes, mainKnown, results));
    }

    /** One top-level field; the line reads itself, as a lambda for each of a log's lines would be garbage. */
    @Override
    public void read(String name, JsonParser p, JsonToken t) throws IOException {
        switch (name) {
            case "type" -> type = scalar(p, t);
            case "sessionId" -> laterAt[Later.SESSION_ID.ordinal()] = LaterText.at(p, t);
            case "uuid" -> laterAt[Later.UUID.ordinal()] = LaterText.at(p, t);
            case "parentUuid" -> laterAt[Later.PARENT_UUID.ordinal()] = LaterText.at(p, t);
            case "agentId" -> laterAt[Later.AGENT_ID.ordinal()] = LaterText.at(p, t);
            case "requestId" -> laterAt[Later.REQUEST_ID.ordinal()] = LaterText.at(p, t);
            case "timestamp" -> laterAt[Later.TIMESTAMP.ordinal()] = LaterText.at(p, t);
            case "isSidechain" -> {
                if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    sidechain = t == JsonToken.VALUE_TRUE;
                } else if (t == JsonToken.VALUE_NULL) {
                    sidechain = false;
                } else {
                    sidechainOther = true;
                    p.skipChildren();
                }
            }
            case "message" -> {
                if (t == JsonToken.START_OBJECT) {
                    message = true;
                    boolean wantText = !(mainKnown && Boolean.FALSE.equals(sidechain));
                    boolean wantResults = results && (type == null || "user".equals(type));
                    message(p, wantText, wantResults);
                } else {
                    p.skipChildren();
                }
            }
            case "data" -> {
                if (t == JsonToken.START_OBJECT) {
                    data(p);
                } else {
                    p.skipChildren();
                }
            }
            case "toolUseResult" -> {
                if (t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        JsonToken v = p.nextToken();
                        if (p.currentName().equals("agentId")) {
                            toolUseResultAgentId = scalar(p, v);
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            default -> p.skipChildren();
        }
    }

    /** The field as {@link JsonScalars#scalar} would have read it; null where the line has none. */
    String later(Later field) {
        if (field == Later.AGENT_ID && relayedFor != null) {
            return relayedFor;
        }
        return LaterText.read(bytes, laterAt[field.ordinal()]);
    }

    /** Whether this is a progress line that relays a sub-agent's message ({@link ClaudeCodeFormat}'s relayed line). */
    boolean relays() {
        return "progress".equals(type) && "agent_progress".equals(dataType) && relayStart >= 0;
    }

    /**
     * The sub-agent line this progress line relays, read as a line of its own (its {@code data.message} holds the
     * type, message, uuid, time and request a line holds), in the sidechain of {@code data.agentId}.
     */
    ClaudeCodeLine relayed() throws IOException {
        if (!JsonScalars.isText(dataAgentId) || dataAgentId.isEmpty()) {
            throw new Unsure("data.agentId");
        }
        byte[] message = Arrays.copyOfRange(bytes, relayStart, relayEnd);
        ClaudeCodeLine relayed = JsonLineFields.read(message, message.length, new ClaudeCodeLine(message, true, results));
        relayed.sidechain = true;
        relayed.relayedFor = dataAgentId;
        return relayed;
    }

    /** A progress line's {@code data}: its type, its sub-agent's id, and where the message it relays lies. */
    private void data(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> dataType = scalar(p, t);
                case "agentId" -> dataAgentId = scalar(p, t);
                case "message" -> {
                    if (t == JsonToken.START_OBJECT) {
                        relayStart = (int) p.currentTokenLocation().getByteOffset();
                        p.skipChildren();
                        relayEnd = (int) p.currentTokenLocation().getByteOffset() + 1;
                    } else {
                        relayStart = -1;
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private void message(JsonParser p, boolean wantText, boolean wantResults) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> messageId = scalar(p, t);
                case "model" -> model = t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                case "content" -> {
                    if (t == JsonToken.VALUE_STRING) {
                        content = Shape.TEXT;
                        contentText = wantText ? p.getText() : null;
                    } else if (t == JsonToken.START_ARRAY) {
                        content = Shape.LIST;
                        content(p, wantText, wantResults);
                    } else {
                        content = t == JsonToken.VALUE_NULL ? Shape.NULL : Shape.OTHER;
                        p.skipChildren();
                    }
                }
                case "usage" -> {
                    if (t == JsonToken.START_OBJECT) {
                        usage = Shape.OBJECT;
                        usage(p);
                    } else {
                        usage = t == JsonToken.VALUE_NULL ? Shape.NULL : Shape.OTHER;
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private void content(JsonParser p, boolean wantText, boolean wantResults) throws IOException {
        List<String> parts = wantText ? new ArrayList<>() : null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            Block block = new Block();
            blocks.add(block);
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "type" -> block.type = scalar(p, v);
                    case "text" -> block.text = wantText && (block.type == null || TEXT.contains(block.type))
                            ? scalar(p, v) : skip(p);
                    case "id" -> block.id = scalar(p, v);
                    case "name" -> {
                        block.nameIsText = v == JsonToken.VALUE_STRING;
                        p.skipChildren();
                    }
                    case "input" -> input(p, v, block);
                    case "tool_use_id" -> block.toolUseId = scalar(p, v);
                    case "content" -> {
                        if (wantResults && (block.type == null || block.type.equals("tool_result"))) {
                            result(p, v, block);
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (parts != null) {
                String type = block.type();
                if (TEXT.contains(type)) {
                    parts.add(textOf(block.text));
                } else if (IMAGE.contains(type)) {
                    parts.add("[image]");
                }
            }
        }
        contentText = parts == null ? null : String.join("\n", parts);
    }

    private static void input(JsonParser p, JsonToken t, Block block) throws IOException {
        block.subagentType = null;
        block.prompt = null;
        if (t == JsonToken.START_OBJECT) {
            block.input = Shape.OBJECT;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("subagent_type")) {
                    block.subagentType = scalar(p, v);
                } else if (name.equals("prompt")) {
                    block.prompt = scalar(p, v);
                } else {
                    p.skipChildren();
                }
            }
        } else {
            block.input = t == JsonToken.VALUE_NULL ? Shape.NULL : Shape.OTHER;
            p.skipChildren();
        }
    }

    /** A tool result's content: a string is kept as the line spells it unless it is sure to be counted. */
    private void result(JsonParser p, JsonToken t, Block block) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            block.resultText = JsonString.result(p, bytes);
        } else if (t == JsonToken.START_OBJECT) {
            block.resultObject = true;
            p.skipChildren();
        } else {
            block.resultText = new ResultText.Decoded(listText(p, t));
        }
    }

    /** {@link Blocks#text} of a tool result's content that is no string nor object. */
    private static String listText(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            return ""; // null, a number or a boolean has no elements
        }
        List<String> parts = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String type = null;
            String text = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("type")) {
                    type = scalar(p, v);
                } else if (name.equals("text")) {
                    text = scalar(p, v);
                } else {
                    p.skipChildren();
                }
            }
            String kind = textOf(type);
            if (TEXT.contains(kind)) {
                parts.add(textOf(text));
            } else if (IMAGE.contains(kind)) {
                parts.add("[image]");
            }
        }
        return String.join("\n", parts);
    }

    private void usage(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "input_tokens" -> {
                    inputMissing = t == JsonToken.VALUE_NULL;
                    tokens.read(0, p, t);
                }
                case "output_tokens" -> {
                    outputMissing = t == JsonToken.VALUE_NULL;
                    tokens.read(1, p, t);
                }
                case "cache_creation_input_tokens" -> tokens.read(2, p, t);
                case "cache_read_input_tokens" -> tokens.read(3, p, t);
                case "speed" -> speed = t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                case "inference_geo" -> geo = t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                case "cache_creation" -> {
                    tokens.values[4] = 0;
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            JsonToken v = p.nextToken();
                            if (p.currentName().equals("ephemeral_1h_input_tokens")) {
                                tokens.read(4, p, v);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren(); // path() through anything but an object is missing: 0
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

}
