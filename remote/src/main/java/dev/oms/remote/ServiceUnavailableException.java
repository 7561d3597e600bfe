package dev.oms.remote;

/** The service did not answer in time, cannot be reached, or its circuit is open: the call may be tried again later. */
public final class ServiceUnavailableException extends RuntimeException {
    private final String service;

    public ServiceUnavailableException(String service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
