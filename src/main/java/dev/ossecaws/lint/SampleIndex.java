package dev.ossecaws.lint;

import dev.ossecaws.harness.CaseException;
import dev.ossecaws.harness.CaseFile;
import dev.ossecaws.harness.Expectation;
import dev.ossecaws.harness.SampleCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sample cases by the rules they name. A case is positive for a rule when one of its events
 * expects that rule to report it ({@code expect.rule}), negative when an event lists the rule in
 * {@code expect.notRules}: only a positive case shows that the rule fires at all.
 */
final class SampleIndex {
  private final Map<Integer, Set<Path>> positive = new HashMap<>();
  private final Map<Integer, Set<Path>> negative = new HashMap<>();
  private final List<CaseException> unreadable = new ArrayList<>();

  private SampleIndex() {}

  /** Every case under {@code samples}; a case that cannot be read is kept in {@link #unreadable()}. */
  static SampleIndex read(Path samples) throws IOException {
    SampleIndex index = new SampleIndex();
    for (Path file : CaseFile.list(samples)) {
      try {
        for (SampleCase.Event event : CaseFile.read(file).events()) {
          Expectation expect = event.expect();
          if (expect.rule() != null) add(index.positive, expect.rule(), file);
          for (Integer notRule : expect.notRules()) add(index.negative, notRule, file);
        }
      } catch (CaseException e) {
        index.unreadable.add(e);
      }
    }
    return index;
  }

  /** The cases expecting {@code ruleId}, in path order. */
  List<Path> positiveCases(int ruleId) {
    return List.copyOf(positive.getOrDefault(ruleId, Set.of()));
  }

  /** The cases listing {@code ruleId} among the rules that must not report an event, in path order. */
  List<Path> negativeCases(int ruleId) {
    return List.copyOf(negative.getOrDefault(ruleId, Set.of()));
  }

  List<CaseException> unreadable() {
    return List.copyOf(unreadable);
  }

  private static void add(Map<Integer, Set<Path>> cases, int ruleId, Path file) {
    // Files are read in path order; a set keeps each case once however many of its events name the rule.
    cases.computeIfAbsent(ruleId, id -> new LinkedHashSet<>()).add(file);
  }
}
