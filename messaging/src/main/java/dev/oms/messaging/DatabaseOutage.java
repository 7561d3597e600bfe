package dev.oms.messaging;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a failure of the database itself (unreachable, shutting down) from a failure of the work done in it. */
final class DatabaseOutage {
    private DatabaseOutage() {}

    /** True when {@code error} or a cause is a lost or refused connection, or the server going away. */
    static boolean causes(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true; // HikariCP: no connection within its timeout
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // class 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }
}
