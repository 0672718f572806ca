/** Byte-exact text of ossec-logtest's report (spec/logtest-output.md), alerts and JSON verdicts, from immutable verdicts. */
package dev.ossecaws.output;
