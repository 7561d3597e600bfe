package dev.oms.infra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/** Run in a child JVM by {@link KillNineRecoveryIT}: starts infra on a dir, writes one item, says READY, then waits to be killed. */
public final class CrashChild {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        if (args[0].equals("postgres")) {
            LocalPostgres pg = LocalPostgres.start(dir, port);
            try (Connection c = LocalPostgresIT.connect(pg.db()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v text)");
                s.execute("INSERT INTO t VALUES ('before kill')");
            }
        } else {
            LocalKafka kafka = LocalKafka.start(dir, port);
            Topics.ensure(kafka.bootstrapServers(), 1, List.of("events"));
            LocalKafkaIT.produce(kafka.bootstrapServers(), "events", "k", "before kill");
        }
        System.out.println("READY");
        System.out.flush();
        System.in.read(); // the parent never writes: block until killed
    }
}
