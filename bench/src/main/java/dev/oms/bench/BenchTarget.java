package dev.oms.bench;

import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The platform under load and how to reach it.
 *
 * @param customerToken a bearer token for a customer id, signed as `oms token` signs it
 * @param database the platform's database (the bench reads saga timestamps and statistics, and nothing else)
 * @param platformInThisJvm true when the platform runs in the bench's JVM, whose CPU and memory then count
 */
public record BenchTarget(String graphqlUrl, Function<String, String> customerToken, DataSource database,
                          String kafkaBootstrap, Catalog catalog, boolean platformInThisJvm) {}
