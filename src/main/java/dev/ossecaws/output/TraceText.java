package dev.ossecaws.output;

import dev.ossecaws.rule.RuleTrace;
import java.util.List;

/** The {@code -v} rule trace as ossec-logtest prints it (spec/logtest-output.md §4.5). */
final class TraceText {
  private TraceText() {}

  /** The header, then one line per step: the header stands even when no rule was tried. */
  static void write(ReportBuffer out, List<RuleTrace.Entry> trace) {
    out.append("\n**Rule debugging:\n");
    for (RuleTrace.Entry entry : trace) {
      switch (entry.step()) {
        case TRYING -> out.append("    Trying rule: ").append(entry.rule().id()).append(" - ")
            .append(entry.rule().description() == null ? "(null)" : entry.rule().description()).append('\n');
        case MATCHED -> out.append("       *Rule ").append(entry.rule().id()).append(" matched.\n");
        case TRYING_CHILDREN -> out.append("       *Trying child rules.\n");
      }
    }
  }
}
