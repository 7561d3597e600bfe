package dev.oms.app;

import picocli.CommandLine.Command;

/** {@code oms replay}: rebuild a projection, or re-deliver historical messages, from the audit log. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuilds a projection or re-delivers messages from the audit log.",
                "Uses the database of `oms up --data-dir DIR` with --data-dir, else",
                "OMS_DB_URL, else the embedded database on its default port."},
        subcommands = {ReplayProjectionCommand.class, ReplayMessagesCommand.class})
final class ReplayCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
