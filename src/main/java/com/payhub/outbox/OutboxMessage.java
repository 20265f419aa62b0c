package com.payhub.outbox;

import java.util.Map;

/**
 * One message the hub owes the broker.
 *
 * @param dedupeId unique per message; sent as {@code _AMQ_DUPL_ID}, so the broker drops a copy
 * @param topic true for a topic ({@code payments.events}), false for a queue
 * @param address the queue or topic name
 * @param headers the message's string properties
 * @param body the text body
 */
public record OutboxMessage(
    String dedupeId, boolean topic, String address, Map<String, String> headers, String body) {}
