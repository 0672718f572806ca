package dev.ossecaws.decode;

import dev.ossecaws.pattern.OsPattern;
import dev.ossecaws.pattern.PatternException;
import dev.ossecaws.xml.OssecXml;
import dev.ossecaws.xml.XmlException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.Element;

/**
 * Reads decoder files, in load order, into a {@link DecoderSet} (spec/decoders.md §1-3, §9). Load
 * errors carry OSSEC's exact messages plus the file, line and decoder at fault.
 */
public final class DecoderLoader {
  /** Names that exist without being declared, for {@code <decoded_as>} (spec/decoders.md §3.1). */
  private static final List<String> BUILT_IN_NAMES =
      List.of(
          "rootcheck",
          "syscheck_integrity_changed",
          "syscheck_integrity_changed_2nd",
          "syscheck_integrity_changed_3rd",
          "syscheck_new_entry",
          "syscheck_deleted",
          "hostinfo_new",
          "hostinfo_modified");

  private final int orderSize;
  private final Consumer<String> messages;
  private final List<DecoderDraft> withProgramName = new ArrayList<>();
  private final List<DecoderDraft> withoutProgramName = new ArrayList<>();
  private final TreeSet<String> declaredNames = new TreeSet<>(BUILT_IN_NAMES);

  /**
   * @param orderSize {@code analysisd.decoder_order_size}, the most {@code <order>} fields
   * @param messages receives OSSEC's non-fatal messages, without time stamps
   */
  public DecoderLoader(int orderSize, Consumer<String> messages) {
    this.orderSize = orderSize;
    this.messages = messages;
  }

  /** Reads the decoder file {@code path}, called {@code name} in messages. */
  public void read(String name, Path path) throws DecoderException {
    Document document;
    try {
      document = OssecXml.read(name, path);
    } catch (XmlException e) {
      throw configError(
          name,
          e.line(),
          null,
          error(1226, "Error reading XML file '" + name + "': " + e.detail() + " (line " + e.line() + ")."));
    }
    try {
      OssecXml.substituteVariables(document);
    } catch (XmlException e) {
      // The real binary applies variables after reading, and says so without a line.
      throw configError(name, e.line(), null, error(1227, "Error applying XML variables '" + name + "': " + e.detail() + "."));
    }
    read(name, document);
  }

  /** Reads decoders from an already parsed file called {@code name}. */
  public void read(String name, Document document) throws DecoderException {
    for (Element element : document.getRootElement().elements()) {
      DecoderDraft draft = readDecoder(name, element);
      compile(draft);
      insert(draft);
    }
  }

  /** The decoders read so far, named and numbered (spec/decoders.md §3.1). */
  public DecoderSet build() {
    Map<String, Integer> ids = new HashMap<>();
    int next = 1;
    for (String name : declaredNames) ids.put(name, next++);
    boolean numbered = !withoutProgramName.isEmpty();
    if (withoutProgramName.isEmpty() || withProgramName.isEmpty()) {
      messages.accept(error(2106, "Error adding decoder plugin."));
    }
    // Quirk: without NP decoders OSSEC never reaches the PN ones, which keep id 0 and own names.
    return new DecoderSet(
        built(withProgramName, ids, numbered), built(withoutProgramName, ids, true), ids);
  }

  private static List<Decoder> built(
      List<DecoderDraft> parents, Map<String, Integer> ids, boolean numbered) {
    Map<DecoderDraft, Decoder> builtChildren = new HashMap<>();
    List<Decoder> result = new ArrayList<>();
    for (DecoderDraft parent : parents) {
      int parentId = numbered ? ids.get(parent.name) : 0;
      List<Decoder> children = new ArrayList<>();
      for (DecoderDraft child : parent.children) {
        children.add(
            builtChildren.computeIfAbsent(
                child,
                c -> {
                  if (!numbered) return c.build(c.name, 0, List.of());
                  if (c.useOwnName) return c.build(c.name, ids.get(c.name), List.of());
                  return c.build(parent.name, parentId, List.of());
                }));
      }
      result.add(parent.build(parent.name, parentId, children));
    }
    return result;
  }

  private DecoderDraft readDecoder(String file, Element element) throws DecoderException {
    int line = OssecXml.line(element);
    String elementName = element.getName();
    List<Attribute> attributes = element.attributes();
    if (!elementName.equalsIgnoreCase("decoder")
        || attributes.size() != 1
        || !attributes.get(0).getName().equalsIgnoreCase("name")
        || attributes.get(0).getValue().isEmpty()) {
      throw configError(file, line, null, error(1230, "Invalid element in the configuration: '" + elementName + "'."));
    }
    String name = attributes.get(0).getValue();
    if (element.elements().isEmpty()) {
      throw configError(file, line, name, error(1231, "Invalid NULL element in the configuration."));
    }
    DecoderDraft draft = new DecoderDraft(name, file, line);
    new DecoderOptions(draft, orderSize, messages).readAll(element.elements());
    validate(draft);
    declaredNames.add(name);
    return draft;
  }

  /** spec/decoders.md §2.3, steps 1-6 and 8. */
  private void validate(DecoderDraft d) throws DecoderException {
    if (!d.hasPrematch() && d.parent == null && !d.hasProgramName()) {
      throw invalid(d, error(2108, "No 'prematch' found in decoder: '" + d.name + "'."));
    }
    if (((d.order != null || d.fts != null) && !d.hasRegex()) || (d.hasRegex() && d.order == null)) {
      throw invalid(d);
    }
    if (d.regexOffset == Offset.AFTER_PARENT && d.parent == null) throw badOffset(d, "after_parent");
    if (d.regexOffset == Offset.AFTER_PREMATCH) {
      if (d.parent == null) {
        d.regexOffset = Offset.AFTER_PARENT;
      } else if (!d.hasPrematch()) {
        throw badOffset(d, "after_prematch");
      }
    }
    if (d.regexOffset == Offset.AFTER_REGEX && (d.parent == null || !d.hasRegex())) {
      throw badOffset(d, "after_regex");
    }
    if (d.prematchOffset != null && d.prematchOffset != Offset.AFTER_PARENT) throw invalid(d);
    if (d.prematchOffset == Offset.AFTER_PARENT && d.parent == null) throw badOffset(d, "after_parent");
    if (d.plugin != null && (d.regex != null || d.order != null)) {
      throw configError(d.file, d.line, d.name, error(2111, "Additional data to plugin decoder: '" + d.name + "'."));
    }
  }

  /** spec/decoders.md §2.3 step 7: the flavour without {@code _pcre2} wins when both are given. */
  private static void compile(DecoderDraft d) throws DecoderException {
    String source = null;
    try {
      if (d.prematch != null) {
        d.compiledPrematch = OsPattern.regex(source = d.prematch);
      } else if (d.prematchPcre2 != null) {
        d.compiledPrematch = OsPattern.pcre2(source = d.prematchPcre2);
      }
      if (d.programName != null) {
        d.compiledProgramName = OsPattern.match(source = d.programName);
      } else if (d.programNamePcre2 != null) {
        d.compiledProgramName = OsPattern.pcre2(source = d.programNamePcre2);
      }
      source = d.regex != null ? d.regex : d.pcre2;
      if (source != null) {
        d.compiledRegex = d.regex != null ? OsPattern.regex(source) : OsPattern.pcre2(source);
        if (d.compiledRegex.isLiteral()) {
          throw configError(d.file, d.line, d.name, error(1451, "Missing sub_strings on regex: '" + source + "'."));
        }
      }
    } catch (PatternException e) {
      throw configError(
          d.file, d.line, d.name, error(1450, "Syntax error on regex: '" + source + "': " + e.code() + "."));
    }
  }

  /** spec/decoders.md §3: top-level decoders into one of two lists, children under their parents. */
  private void insert(DecoderDraft d) throws DecoderException {
    if (d.parent == null) {
      (d.hasProgramName() ? withProgramName : withoutProgramName).add(d);
      return;
    }
    List<DecoderDraft> parents = new ArrayList<>();
    for (DecoderDraft candidate : withProgramName) if (candidate.name.equals(d.parent)) parents.add(candidate);
    for (DecoderDraft candidate : withoutProgramName) if (candidate.name.equals(d.parent)) parents.add(candidate);
    if (parents.isEmpty()) {
      throw configError(
          d.file,
          d.line,
          d.name,
          error(2101, "Parent decoder name invalid: '" + d.parent + "'."),
          error(2106, "Error adding decoder plugin."));
    }
    for (DecoderDraft parent : parents) addChild(parent, d);
  }

  private static void addChild(DecoderDraft parent, DecoderDraft child) throws DecoderException {
    boolean first = true;
    boolean earlierMatcher = false;
    for (DecoderDraft sibling : parent.children) {
      if (!sibling.name.equals(child.name)) continue;
      if (first) {
        if (child.hasPrematch()) throw chainError(child, error(2102, "Duplicated decoder with prematch: '" + child.name + "'."));
        if (child.fts != null) throw chainError(child, error(2103, "Duplicated decoder with fts set: '" + child.name + "'."));
        if ((sibling.regex != null) != (child.regex != null) || (sibling.pcre2 != null) != (child.pcre2 != null)) {
          throw chainError(child, error(2104, "Invalid duplicated decoder: '" + child.name + "'."));
        }
        first = false;
      }
      sibling.continuesChain = true;
      earlierMatcher |= sibling.hasPrematch() || sibling.hasRegex();
    }
    if (child.regexOffset == Offset.AFTER_REGEX && !earlierMatcher) {
      throw configError(child.file, child.line, child.name, error(2120, "Invalid offset value: '" + child.name + "'"));
    }
    parent.children.add(child);
  }

  private static DecoderException chainError(DecoderDraft d, String message) {
    return configError(
        d.file, d.line, d.name, message, error(2105, "Error loading decoder options."), error(2106, "Error adding decoder plugin."));
  }

  private static DecoderException badOffset(DecoderDraft d, String value) {
    return invalid(d, error(2120, "Invalid offset value: '" + value + "'"));
  }

  private static DecoderException invalid(DecoderDraft d, String... before) {
    List<String> lines = new ArrayList<>(List.of(before));
    lines.add(configurationError(d.name));
    return configError(d.file, d.line, d.name, lines.toArray(new String[0]));
  }

  static String configurationError(String decoder) {
    return error(2107, "Decoder configuration error: '" + decoder + "'.");
  }

  /** The loader gives up on the file: OSSEC's messages, then its "Configuration error" line. */
  static DecoderException configError(String file, int line, String decoder, String... messages) {
    List<String> lines = new ArrayList<>(List.of(messages));
    lines.add("ossec-testrule(1202): ERROR: Configuration error at '" + file + "'. Exiting.");
    return new DecoderException(lines, file, line, decoder);
  }

  static String error(int code, String text) {
    return "ossec-analysisd(" + code + "): ERROR: " + text;
  }
}
