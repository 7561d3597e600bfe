package dev.oms.notification.domain;

/** An email ready to send: its subject, a plain-text body and the same as HTML. */
public record RenderedMail(String subject, String text, String html) {}
