package dev.ossecaws.install;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the {@code <rules>} sections of an ossec.conf and their children lie in the file's bytes,
 * found the way OSSEC's XML reader finds elements (spec/xml.md §1: comments run from {@code <!}
 * to the first {@code !>} or {@code -->}, a backslash before {@code <} makes it text), so that the
 * installer can edit the text in place without re-serialising anything.
 */
final class RulesSections {
  /** One child of a {@code <rules>} section: its name, raw content and where it starts and ends. */
  record Child(String name, String content, int start, int end) {}

  /** One {@code <rules>} section: its children and the offset of its closing {@code </rules>}. */
  record Section(List<Child> children, int closeTag) {}

  private final String text;
  private final List<Section> sections = new ArrayList<>();
  private int pos;

  private RulesSections(String text) {
    this.text = text;
  }

  /** Scans the text of etc/ossec.conf (one char per byte). */
  static List<Section> scan(String text) throws InstallRefusedException {
    RulesSections scanner = new RulesSections(text);
    scanner.skipDeclaration();
    scanner.elements(0, null, null);
    return scanner.sections;
  }

  /** The 1-based line of {@code offset} in {@code text}. */
  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
    return line;
  }

  private void skipDeclaration() throws InstallRefusedException {
    if (text.startsWith("\u00ef\u00bb\u00bf")) pos = 3;
    if (text.startsWith("<?xml", pos)) {
      int end = text.indexOf("?>", pos);
      if (end < 0) throw error("XML declaration not closed");
      pos = end + 2;
    }
  }

  /**
   * Reads elements until the closing tag of {@code parent} (or end of file at depth 0), recording
   * {@code <rules>} sections at depth 1 and their children at depth 2.
   */
  private void elements(int depth, String parent, List<Child> children)
      throws InstallRefusedException {
    while (true) {
      int open = nextTag();
      if (open < 0) {
        if (depth == 0) return;
        throw error("end of file inside <" + parent + ">");
      }
      if (text.startsWith("<!", open)) {
        skipComment(open);
        continue;
      }
      if (text.startsWith("</", open)) {
        int close = text.indexOf('>', open);
        if (close < 0 || depth == 0 || !text.substring(open + 2, close).equals(parent)) {
          throw error("unexpected closing tag at line " + lineOf(text, open));
        }
        pos = close + 1;
        return;
      }
      element(depth, open, children);
    }
  }

  private void element(int depth, int open, List<Child> siblings) throws InstallRefusedException {
    int nameEnd = open + 1;
    while (nameEnd < text.length() && !isSpace(text.charAt(nameEnd)) && text.charAt(nameEnd) != '>') nameEnd++;
    String name = text.substring(open + 1, nameEnd);
    boolean empty = name.endsWith("/");
    if (empty) name = name.substring(0, name.length() - 1);
    int tagEnd = endOfStartTag(nameEnd);
    if (tagEnd < 0) throw error("start tag <" + name + " at line " + lineOf(text, open) + " not closed");
    empty |= text.charAt(tagEnd - 1) == '/';
    pos = tagEnd + 1;
    List<Child> children = depth == 1 && name.equals("rules") ? new ArrayList<>() : null;
    int contentStart = pos;
    if (!empty) elements(depth + 1, name, children);
    if (children != null) sections.add(new Section(List.copyOf(children), text.lastIndexOf("</", pos - 1)));
    if (siblings != null) {
      String content = empty ? "" : text.substring(contentStart, text.lastIndexOf("</", pos - 1));
      siblings.add(new Child(name, content, open, pos));
    }
  }

  /** The next {@code <} that is not escaped by a backslash, with {@link #pos} on it; -1 at end. */
  private int nextTag() {
    while (true) {
      int open = text.indexOf('<', pos);
      if (open < 0) return -1;
      if (open > 0 && text.charAt(open - 1) == '\\' && !text.startsWith("<!", open)) {
        pos = open + 1;
        continue;
      }
      pos = open;
      return open;
    }
  }

  private void skipComment(int open) throws InstallRefusedException {
    int bang = text.indexOf("!>", open + 2);
    int dashes = text.indexOf("-->", open + 2);
    if (bang < 0 && dashes < 0) throw error("comment at line " + lineOf(text, open) + " not closed");
    if (dashes < 0 || (bang >= 0 && bang < dashes)) {
      pos = bang + 2;
    } else {
      pos = dashes + 3;
    }
  }

  /** The offset of the {@code >} ending a start tag whose attributes begin at {@code from}. */
  private int endOfStartTag(int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private InstallRefusedException error(String message) {
    return new InstallRefusedException(
        ManagerHome.CONF + ":" + lineOf(text, Math.min(pos, text.length())) + ": cannot read: " + message);
  }
}
