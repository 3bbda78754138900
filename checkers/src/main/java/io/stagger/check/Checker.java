package io.stagger.check;

/**
 * Jepsen's checker: a verdict and figures from the history alone (and the run's node ids and options in the
 * context), so that any history, a stored one too, can be checked again. No checker knows a workload's generator or
 * client, the nemesis or the services.
 */
@FunctionalInterface
public interface Checker {
    CheckResult check(CheckContext context);
}
