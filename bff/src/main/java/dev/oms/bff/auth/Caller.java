package dev.oms.bff.auth;

/**
 * Who makes a request: a customer, an operator, or nobody signed in. The checks here are the whole permission model;
 * a resolver asks them before it reads or changes anything.
 *
 * @param subject the token's subject (for a customer, the customer id), or null when anonymous
 * @param role null when anonymous
 */
public record Caller(String subject, Role role) {
    public static final Caller ANONYMOUS = new Caller(null, null);

    public boolean isAnonymous() {
        return role == null;
    }

    public boolean isOps() {
        return role == Role.OPS;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    /** Whether the caller may see and change what belongs to {@code customerId}: operators all, customers their own. */
    public boolean actsFor(String customerId) {
        return isOps() || (isCustomer() && subject.equals(customerId));
    }

    /** Anyone signed in; anonymous callers get {@link NotSignedInException}. */
    public Caller requireSignedIn() {
        if (isAnonymous()) {
            throw new NotSignedInException();
        }
        return this;
    }

    /** Operators only: anonymous callers get {@link NotSignedInException}, customers {@link ForbiddenException}. */
    public Caller requireOps() {
        requireSignedIn();
        if (!isOps()) {
            throw new ForbiddenException("this operation is for operators");
        }
        return this;
    }
}
