package dev.oms.bff.dashboard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** Reads the SLO file ({@code dashboard/slos.properties} on the classpath), one {@link Slo} per saga leg, in file order. */
public final class Slos {
    public static final String RESOURCE = "dashboard/slos.properties";

    private Slos() {}

    public static List<Slo> load() {
        try (InputStream in = Slos.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            byte[] bytes = in.readAllBytes();
            Properties values = new Properties();
            values.load(new ByteArrayInputStream(bytes));
            return parse(legsInFileOrder(new String(bytes, StandardCharsets.ISO_8859_1)), values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> legsInFileOrder(String text) {
        Set<String> legs = new LinkedHashSet<>();
        text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('=')).strip())
                .forEach(key -> legs.add(key.substring(0, key.lastIndexOf('.'))));
        return legs;
    }

    private static List<Slo> parse(Set<String> legs, Properties values) {
        List<Slo> slos = new ArrayList<>();
        for (String leg : legs) {
            int dot = leg.indexOf('.');
            slos.add(new Slo(leg.substring(0, dot), leg.substring(dot + 1),
                    Double.parseDouble(required(values, leg + ".p99-seconds")),
                    Double.parseDouble(required(values, leg + ".success")), required(values, leg + ".runbook")));
        }
        return List.copyOf(slos);
    }

    private static String required(Properties values, String key) {
        String value = values.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + " lacks " + key);
        }
        return value.strip();
    }
}
