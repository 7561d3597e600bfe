package dev.oms.app.release;

import java.time.Duration;
import java.util.List;

/**
 * How a release goes: the green shares to move through (ending at 100), how long to let a handover settle and then
 * watch each step, when a leg counts as burning (its budget spent faster than {@code maxBurn} times the sustainable
 * rate) and how many steps per leg a window needs before it may judge.
 */
public record ReleasePlan(String service, List<Integer> steps, Duration settle, Duration window, double maxBurn,
                          int minSamples, Duration handoverTimeout) {

    public ReleasePlan {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.get(steps.size() - 1) != 100) {
            throw new IllegalArgumentException("the steps must end at 100 (%), e.g. 10,50,100; got " + steps);
        }
        for (int i = 0; i < steps.size(); i++) {
            int step = steps.get(i);
            if (step < 1 || step > 100 || (i > 0 && step <= steps.get(i - 1))) {
                throw new IllegalArgumentException("the steps must rise from 1 to 100 (%); got " + steps);
            }
        }
        if (maxBurn <= 0 || minSamples < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("max burn, min samples and the window must be positive");
        }
    }
}
