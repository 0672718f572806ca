package dev.ossecaws.install;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The unified diff (3 lines of context) of one file's change, as {@code diff -u} prints it
 * (java-diff-utils numbers an empty side 1,0 where diff says 0,0).
 */
final class UnifiedDiff {
  private static final String ABSENT = "/dev/null";

  private UnifiedDiff() {}

  /** {@code before}/{@code after} are null when the file does not exist on that side. */
  static String of(String path, byte[] before, byte[] after) {
    List<String> original = lines(before);
    List<String> revised = lines(after);
    List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(
        before == null ? ABSENT : "a/" + path, after == null ? ABSENT : "b/" + path,
        original, DiffUtils.diff(original, revised), 3);
    return String.join("\n", diff).replace("@@ -1,0 ", "@@ -0,0 ").replace(" +1,0 @@", " +0,0 @@");
  }

  /** Lines as bytes (ISO-8859-1), split after each LF; a CR stays at the end of its line. */
  private static List<String> lines(byte[] bytes) {
    if (bytes == null || bytes.length == 0) return List.of();
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<String> lines = Arrays.asList(text.split("\n", -1));
    return text.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
  }
}
