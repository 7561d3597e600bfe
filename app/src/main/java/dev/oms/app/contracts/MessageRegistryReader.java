package dev.oms.app.contracts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the message_registry of every service schema that has one. */
public final class MessageRegistryReader {
    private MessageRegistryReader() {}

    public static List<Registration> readAll(Connection c) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT table_schema FROM information_schema.tables WHERE table_name = 'message_registry' ORDER BY 1");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                schemas.add(row.getString(1));
            }
        }
        List<Registration> registrations = new ArrayList<>();
        for (String schema : schemas) {
            try (PreparedStatement query = c.prepareStatement("SELECT role, party, type, version, fingerprint, "
                    + "last_registered_at FROM \"" + schema + "\".message_registry ORDER BY role, party, type");
                 ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    registrations.add(new Registration(
                            Registration.Role.valueOf(row.getString("role").toUpperCase(Locale.ROOT)), schema,
                            row.getString("party"), row.getString("type"), row.getInt("version"),
                            row.getString("fingerprint"), row.getTimestamp("last_registered_at").toInstant()));
                }
            }
        }
        return registrations;
    }
}
