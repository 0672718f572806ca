package dev.ossecaws.install;

import dev.ossecaws.install.RulesSections.Child;
import dev.ossecaws.install.RulesSections.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lines the installer adds to ossec.conf's {@code <rules>} section, between two marker
 * comments so that a later run finds exactly them. Every other byte of the file is kept: the block
 * goes in as whole lines (indent and line ending copied from its neighbours) or, when its anchor
 * shares a line with other markup, as one run of text; stripping removes precisely what went in.
 */
final class ConfBlock {
  static final String BEGIN =
      "<!-- ossec-aws: begin. Added by `ossec-aws install`; `ossec-aws uninstall` removes it. -->";
  static final String END = "<!-- ossec-aws: end -->";
  private static final String BEGIN_PREFIX = "<!-- ossec-aws: begin";
  private static final String LOCAL_RULES = "local_rules.xml";
  static final String STOCK_DECODERS = "etc/decoder.xml";
  static final String LOCAL_DECODERS = "etc/local_decoder.xml";

  private ConfBlock() {}

  /** {@code text} without its ossec-aws block(s); the text itself when it has none. */
  static String strip(String text) throws InstallRefusedException {
    String result = text;
    for (int begin; (begin = result.indexOf(BEGIN_PREFIX)) >= 0; ) {
      int end = result.indexOf(END, begin);
      if (end < 0) {
        throw new InstallRefusedException(ManagerHome.CONF + ":" + RulesSections.lineOf(result, begin)
            + ": the ossec-aws block has no end marker '" + END + "'; repair it by hand");
      }
      end += END.length();
      int lineStart = result.lastIndexOf('\n', begin - 1) + 1;
      int eol = lineEndingLength(result, end);
      if (result.substring(lineStart, begin).isBlank() && eol > 0) {
        begin = lineStart;
        end += eol;
      }
      result = result.substring(0, begin) + result.substring(end);
    }
    return result;
  }

  /**
   * {@code text} (which has no block) with a block loading {@code decoders} (paths relative to the
   * home) and {@code ruleFiles} (names in rules/), placed before local_rules.xml.
   */
  static String insert(String text, ManagerHome home, List<String> decoders, List<String> ruleFiles)
      throws InstallRefusedException {
    List<Section> sections = RulesSections.scan(text);
    if (sections.isEmpty()) {
      throw new InstallRefusedException("not an OSSEC manager home: " + ManagerHome.CONF
          + " has no <rules> section (an agent's configuration?)");
    }
    refuseEntriesLoadedElsewhere(text, sections, decoders, ruleFiles);
    List<String> entries = new ArrayList<>();
    boolean defaultDecoders = !configuresDecoders(sections, home.path());
    if (defaultDecoders) entries.add(element("decoder", STOCK_DECODERS));
    for (String decoder : decoders) entries.add(element("decoder", decoder));
    if (defaultDecoders && Files.exists(home.path().resolve(LOCAL_DECODERS))) {
      entries.add(element("decoder", LOCAL_DECODERS));
    }
    for (String rules : ruleFiles) entries.add(element("include", rules));

    Section section = targetSection(sections);
    int anchor = anchor(section);
    int lineStart = text.lastIndexOf('\n', anchor - 1) + 1;
    if (!text.substring(lineStart, anchor).isBlank()) {
      return text.substring(0, anchor) + BEGIN + String.join("", entries) + END + text.substring(anchor);
    }
    String indent = childIndent(text, section, anchor, text.substring(lineStart, anchor));
    String eol = lineEnding(text, anchor);
    StringBuilder block = new StringBuilder();
    block.append(indent).append(BEGIN).append(eol);
    for (String entry : entries) block.append(indent).append(entry).append(eol);
    block.append(indent).append(END).append(eol);
    return text.substring(0, lineStart) + block + text.substring(lineStart);
  }

  /**
   * Whether the configuration names decoders itself. When it does not, OSSEC loads
   * etc/decoder.xml and etc/local_decoder.xml (spec/xml.md §5.4); once any {@code <decoder>} is
   * added it loads only the list, so the block must then name OSSEC's own files explicitly.
   */
  private static boolean configuresDecoders(List<Section> sections, Path home) {
    for (Section section : sections) {
      for (Child child : section.children()) {
        if (child.name().equals("decoder")) return true;
        if (child.name().equals("decoder_dir") && directoryHasFiles(home, child.content())) return true;
      }
    }
    return false;
  }

  /** Whether a decoder_dir adds anything: it is silently skipped when it cannot be opened. */
  private static boolean directoryHasFiles(Path home, String dir) {
    Path path = home.resolve(dir.replaceFirst("^/+", ""));
    if (!Files.isDirectory(path)) return false;
    try (Stream<Path> files = Files.list(path)) {
      return files.anyMatch(Files::isRegularFile);
    } catch (IOException e) {
      return false;
    }
  }

  private static void refuseEntriesLoadedElsewhere(
      String text, List<Section> sections, List<String> decoders, List<String> ruleFiles)
      throws InstallRefusedException {
    for (Section section : sections) {
      for (Child child : section.children()) {
        String content = child.content();
        boolean ours = isInclude(child)
            ? ruleFiles.contains(content) || ruleFiles.contains(content.replaceFirst("^rules/+", ""))
            : child.name().equals("decoder") && decoders.contains(content);
        if (ours) {
          throw new InstallRefusedException(ManagerHome.CONF + ":" + RulesSections.lineOf(text, child.start())
              + ": <" + child.name() + ">" + content + "</" + child.name()
              + "> is already there, outside the ossec-aws block (a manual install?); remove it first");
        }
      }
    }
  }

  /** The section holding local_rules.xml, else the last one loading rules, else the last one. */
  private static Section targetSection(List<Section> sections) {
    Section target = null;
    for (Section section : sections) {
      if (section.children().stream().anyMatch(ConfBlock::isLocalRules)) target = section;
    }
    if (target != null) return target;
    for (Section section : sections) {
      if (section.children().stream().anyMatch(c -> isInclude(c) || c.name().equals("rule_dir"))) {
        target = section;
      }
    }
    return target != null ? target : sections.get(sections.size() - 1);
  }

  /**
   * Local rules must come after ours so that they can still override them; a rule_dir must come
   * after our includes, or it would load our files first and the includes would load them again.
   */
  private static int anchor(Section section) {
    for (Child child : section.children()) {
      if (isLocalRules(child) || child.name().equals("rule_dir")) return child.start();
    }
    return section.closeTag();
  }

  private static String childIndent(String text, Section section, int anchor, String anchorIndent) {
    if (anchor != section.closeTag()) return anchorIndent;
    List<Child> children = section.children();
    if (children.isEmpty()) return anchorIndent + "  ";
    int last = children.get(children.size() - 1).start();
    int lineStart = text.lastIndexOf('\n', last - 1) + 1;
    String indent = text.substring(lineStart, last);
    return indent.isBlank() ? indent : anchorIndent + "  ";
  }

  private static boolean isInclude(Child child) {
    return child.name().equals("include") || child.name().equals("rule");
  }

  private static boolean isLocalRules(Child child) {
    return isInclude(child)
        && (child.content().equals(LOCAL_RULES) || child.content().equals("rules/" + LOCAL_RULES));
  }

  private static String element(String name, String content) {
    return "<" + name + ">" + content + "</" + name + ">";
  }

  /** The line ending used on {@code offset}'s line: CRLF or LF (LF when the file has none). */
  private static String lineEnding(String text, int offset) {
    int newline = text.indexOf('\n', offset);
    if (newline < 0) newline = text.indexOf('\n');
    return newline > 0 && text.charAt(newline - 1) == '\r' ? "\r\n" : "\n";
  }

  private static int lineEndingLength(String text, int offset) {
    if (text.startsWith("\r\n", offset)) return 2;
    return text.startsWith("\n", offset) ? 1 : 0;
  }
}
