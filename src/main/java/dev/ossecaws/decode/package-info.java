/** Phase 2 (spec/decoders.md): decoder files loaded into an immutable decoder set that decodes one event at a time. */
package dev.ossecaws.decode;
