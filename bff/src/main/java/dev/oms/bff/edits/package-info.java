/** Order edits before shipping: the customer's (or an operator's) mutation, answered by the order service. */
package dev.oms.bff.edits;
