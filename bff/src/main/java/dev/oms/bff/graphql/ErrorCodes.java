package dev.oms.bff.graphql;

import graphql.ErrorClassification;

/** The codes the BFF puts in {@code extensions.code} of GraphQL errors; clients may switch on them. */
public final class ErrorCodes {
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String INVALID_ARGUMENT = "INVALID_ARGUMENT";
    public static final String INVALID_PAGE_SIZE = "INVALID_PAGE_SIZE";
    public static final String INVALID_CURSOR = "INVALID_CURSOR";
    public static final String QUERY_TOO_DEEP = "QUERY_TOO_DEEP";
    public static final String QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    /** The caller's rate limit has no room for the operation's cost; extensions.retryAfter says when (seconds). */
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    /** The body is not a GraphQL request: not JSON, or no query string in it. */
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    /** A service the request needs did not answer in time or is down: the same request may succeed later. */
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
    /** Our fault; the message carries an incident id that the log has with the cause. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    /** The classification of errors for a request without a valid token (Spring's ErrorType says UNAUTHORIZED). */
    public static final ErrorClassification UNAUTHENTICATED_TYPE =
            ErrorClassification.errorClassification(UNAUTHENTICATED);

    private ErrorCodes() {}
}
