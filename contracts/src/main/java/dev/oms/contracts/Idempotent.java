package dev.oms.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command that may be sent again without doing twice what it does (a read, a state set absolutely, or one that
 * carries its idempotency key): a remote client retries it after a timeout or a lost connection. Anything else is sent
 * once, since a call that timed out may still have happened.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {}
