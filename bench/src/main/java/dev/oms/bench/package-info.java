/** {@code oms bench}: drives checkouts at the platform and reports throughput, latency and cost per saga. */
package dev.oms.bench;
