/** The payment service: authorizes, captures and voids order payments through a payment provider. */
package dev.oms.payment;
