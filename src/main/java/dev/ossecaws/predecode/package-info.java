/** Phase 1 (spec/predecoding.md): a raw line becomes an event with full log, host name, program name and log. */
package dev.ossecaws.predecode;
