package dev.oms.bff.cart;

record CartCreateInput(String customerId, String currency) {}
