/** JMH micro-benchmarks of the per-message hot paths: `mvn -pl bench -am -Pjmh -DskipTests test` (docs/performance.md). */
package dev.oms.bench.jmh;
