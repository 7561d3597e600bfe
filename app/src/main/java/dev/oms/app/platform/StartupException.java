package dev.oms.app.platform;

/** A component that failed to start; the message names the component and the cause in one line. */
public class StartupException extends RuntimeException {
    private final String component;

    public StartupException(String component, Throwable cause) {
        super("failed to start " + component + ": " + rootMessage(cause), cause);
        this.component = component;
    }

    public String component() {
        return component;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e.getMessage() != null && !e.getMessage().equals(message) ? e.getMessage() + " (" + message + ")" : message;
    }
}
