package dev.oms.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code oms} command line. Exit codes: 0 ok, 1 failure, 2 bad usage. */
@Command(name = "oms",
        mixinStandardHelpOptions = true,
        version = "oms 0.1.0",
        description = "Order management platform: carts, orders, inventory, payment, fulfillment, notifications.",
        subcommands = {UpCommand.class, ServiceCommand.class, KafkaNodeCommand.class, DoctorCommand.class, SagasCommand.class, TokenCommand.class,
                ReplayCommand.class, BenchCommand.class, ReleaseCommand.class, SandboxCommand.class,
                CommandLine.HelpCommand.class})
public final class Oms implements Runnable {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Oms())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
