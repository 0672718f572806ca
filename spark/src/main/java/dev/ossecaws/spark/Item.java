package dev.ossecaws.spark;

import java.io.Serializable;

/**
 * What a file gives at a {@link Slot}: a CloudTrail record to evaluate ({@code json}, as the file
 * held it, with the file's name), or a problem to report ({@code problem}, naming file and record).
 */
record Item(String source, String json, Problem problem) implements Serializable {
  static Item record(String source, String json) {
    return new Item(source, json, null);
  }

  static Item problem(Problem problem) {
    return new Item(null, null, problem);
  }

  /** Skipped input: a record that is not CloudTrail, or a file cut short by a fault. */
  record Problem(boolean fileFault, String text) implements Serializable {}
}
