package dev.hybridconf.interpretation.planning;

/** A problem fact: {@code who} would rather share a booth with {@code partner} (both on the roster). */
record PartnerWish(Interpreter who, Interpreter partner) {
}
