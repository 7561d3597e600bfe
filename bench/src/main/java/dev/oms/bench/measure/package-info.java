/** What the bench reads besides its own clocks: saga timestamps, Postgres statistics, process CPU and memory. */
package dev.oms.bench.measure;
