/** The golden-file harness: sample cases replayed through the engine, and OSSEC's .ini test format. */
package dev.ossecaws.harness;
