/** The operators' fields: sagas (list, inspect, retry, compensate, live), inventory and business metrics. */
package dev.oms.bff.operations;
