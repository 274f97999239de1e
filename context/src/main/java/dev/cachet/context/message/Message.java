package dev.cachet.context.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One entry of a conversation. Immutable; equal messages are interchangeable, which the token cache relies on. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "role")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SystemText.class, name = "system"),
    @JsonSubTypes.Type(value = UserText.class, name = "user"),
    @JsonSubTypes.Type(value = AssistantTurn.class, name = "assistant"),
    @JsonSubTypes.Type(value = ToolResult.class, name = "tool")
})
public sealed interface Message permits SystemText, UserText, AssistantTurn, ToolResult {}
