package dev.oms.bench.measure;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;

/** This JVM's CPU time and peak resident memory. */
public final class JvmProcess {
    private JvmProcess() {}

    public static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return 0;
    }

    /** VmHWM: the most resident memory this process has had (KiB); empty off Linux. */
    public static OptionalLong peakRssKib() {
        return ProcFs.statusKib("self", "VmHWM");
    }
}
