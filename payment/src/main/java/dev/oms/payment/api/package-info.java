/** Public types of the payment service: money, and the payment provider interface a real provider implements. */
package dev.oms.payment.api;
