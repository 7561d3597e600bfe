package dev.oms.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code oms} command line. Exit codes: 0 ok, 1 failure, 2 bad usage. */
@Command(name = "oms",
        mixinStandardHelpOptions = true,
        version = "oms 0.1.0",
        description = "Order management platform: carts, orders, inventory, payment, fulfillment, notifications.",
        subcommands = {UpCommand.class, ServiceCommand.class, DoctorCommand.class, TokenCommand.class,
                CommandLine.HelpCommand.class})
public final class Oms implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Oms()).setCaseInsensitiveEnumValuesAllowed(true).setExitCodeExceptionMapper(e -> 1).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
