package dev.oms.app;

import dev.oms.bff.auth.JwtKey;
import dev.oms.bff.auth.Role;
import dev.oms.bff.auth.Tokens;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code oms token}: prints a bearer token for the GraphQL API, and nothing else, on stdout. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Prints a bearer token for the GraphQL API (send it as 'Authorization: Bearer <token>').",
                "It is signed with this user's key, which every platform this user starts trusts:",
                "$OMS_JWT_SECRET (base64, at least 256 bits) if set, else $OMS_HOME/jwt-signing.key",
                "(OMS_HOME defaults to ~/.oms; the key is created on first use)."})
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true,
            description = "customer (sees and changes only their own carts and orders) or ops (everything).")
    Role role;

    @Option(names = "--subject", description = "The customer id for a customer token; the operator's name for ops "
            + "(default: operator).")
    String subject;

    @Option(names = "--ttl", defaultValue = "1h", description = "How long the token is good for, e.g. 30m, 1h, 7d "
            + "(default: ${DEFAULT-VALUE}).")
    String ttl;

    @Override
    public Integer call() {
        String who = subject != null ? subject : role == Role.OPS ? "operator" : null;
        if (who == null || who.isBlank()) {
            throw new ParameterException(spec.commandLine(), "a customer token needs --subject <customer id>");
        }
        String token = Tokens.issue(JwtKey.fromEnvironment(), who, role, lifetime());
        spec.commandLine().getOut().println(token);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The --ttl as a duration: a number followed by s, m, h or d. */
    private Duration lifetime() {
        String text = ttl.trim().toLowerCase(Locale.ROOT);
        if (!text.matches("[1-9][0-9]{0,8}[smhd]")) {
            throw new ParameterException(spec.commandLine(), "--ttl must be a number and a unit, e.g. 30m, 1h, 7d");
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
