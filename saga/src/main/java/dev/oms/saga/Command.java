package dev.oms.saga;

import com.google.protobuf.Message;

/** A command a step sends to a participant: the participant's command topic and the payload. */
public record Command(String topic, Message payload) {}
