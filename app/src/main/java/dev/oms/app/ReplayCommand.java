package dev.oms.app;

import dev.oms.app.platform.PlatformSettings;
import dev.oms.infra.DbConfig;
import picocli.CommandLine.Command;

/** {@code oms replay}: rebuild a projection, or re-deliver historical messages, from the audit log. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuilds a projection or re-delivers messages from the audit log.",
                "Uses OMS_DB_URL, else the embedded database of a running `oms up`."},
        subcommands = {ReplayProjectionCommand.class, ReplayMessagesCommand.class})
final class ReplayCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static DbConfig database() {
        return DbConfig.fromEnv().orElse(new DbConfig(
                "jdbc:postgresql://127.0.0.1:" + PlatformSettings.DEFAULT_DB_PORT + "/postgres", "postgres", ""));
    }
}
