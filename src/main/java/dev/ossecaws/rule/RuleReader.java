package dev.ossecaws.rule;

import dev.ossecaws.pattern.OsPattern;
import dev.ossecaws.pattern.PatternException;
import dev.ossecaws.xml.OssecXml;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dom4j.Attribute;
import org.dom4j.Element;

/**
 * Reads one {@code <rule>} element into a {@link RuleDraft} (spec/rules.md §1.2, §1.3): its
 * attributes, its options in document order, then OSSEC's validity checks.
 */
final class RuleReader {
  static final int MAX_OPTION = 2048;

  /** Options whose repeated contents are joined with no separator, by lower-case element name. */
  private static final Set<String> CONCATENATING = Set.of(
      "match", "regex", "pcre2", "match_pcre2", "program_name", "program_name_pcre2", "hostname",
      "hostname_pcre2", "id", "id_pcre2", "url", "url_pcre2", "status", "status_pcre2", "extra_data",
      "extra_data_pcre2", "srcport", "srcport_pcre2", "dstport", "dstport_pcre2", "user", "user_pcre2",
      "srcgeoip", "srcgeoip_pcre2", "dstgeoip", "dstgeoip_pcre2", "action", "description", "group",
      "if_sid", "if_group", "if_matched_group", "if_matched_regex");

  /** Correlation filters whose element names OSSEC compares case-sensitively. */
  private static final Set<String> EXACT_NAMES =
      Set.of("same_id", "not_same_id", "different_url", "different_srcip", "different_srcgeoip");

  private final RuleLoader loader;
  private final String file;
  private final Element element;
  private final Map<String, String> texts = new LinkedHashMap<>();
  private final Set<Correlation.Filter> filters = EnumSet.noneOf(Correlation.Filter.class);
  private final List<Condition> conditions = new ArrayList<>();
  private final List<IpEntry> srcips = new ArrayList<>();
  private final List<IpEntry> dstips = new ArrayList<>();
  private boolean contextOptions;
  private RuleDraft draft;
  private Rule.Builder rule;
  private int level = -1;
  private int accuracy = 1;
  private int frequency;
  private int timeframe = -1;
  private int maxsize;

  RuleReader(RuleLoader loader, String file, Element element) {
    this.loader = loader;
    this.file = file;
    this.element = element;
  }

  RuleDraft read(int position, String groupName) throws RuleException {
    readAttributes(position);
    rule.groups = groupName;
    rule.mail = level >= loader.settings.emailAlertLevel();
    rule.logAlert = level >= loader.settings.logAlertLevel();
    if (element.elements().isEmpty()) {
      throw error("ossec-analysisd: Rule '" + rule.id + "' without any option. It may lead to false"
          + " positives and some other problems for the system. Exiting.");
    }
    for (Element option : element.elements()) readOption(option);
    finish();
    return draft;
  }

  private void readAttributes(int position) throws RuleException {
    List<Attribute> attributes = element.attributes();
    if (attributes.isEmpty()) {
      throw error("ossec-analysisd: Invalid rule '" + position + "'. You must specify an ID and a level at least.");
    }
    int id = -1;
    boolean overwrite = false;
    boolean noalert = false;
    int ignore = 0;
    for (Attribute attribute : attributes) {
      String name = attribute.getName().toLowerCase(Locale.ROOT);
      String value = attribute.getValue();
      switch (name) {
        case "id":
          id = number(value, 6, "rule id");
          break;
        case "level":
          level = number(value, 4, "level");
          break;
        case "maxsize":
          maxsize = Math.max(number(value, 4, "maxsize"), 0);
          break;
        case "frequency":
          frequency = Math.max(number(value, 4, "frequency"), 0);
          break;
        case "timeframe":
          timeframe = number(value, 5, "timeframe");
          break;
        case "accuracy":
          accuracy = Math.max(number(value, 4, "accuracy"), 0);
          break;
        case "ignore":
          ignore = Math.max(number(value, 6, "ignore_time"), 0);
          break;
        case "noalert":
          noalert = true;
          break;
        case "overwrite":
          if (value.equals("yes")) {
            overwrite = true;
          } else if (!value.equals("no")) {
            throw error("rules_op: Invalid overwrite: " + value + ". Can only by 'yes' or 'no'.",
                "ossec-analysisd: Invalid attribute for rule.");
          }
          break;
        default:
          throw error("rules_op: Invalid attribute \"" + attribute.getName() + "\". Only id, level, maxsize,"
              + " accuracy, noalert and timeframe are allowed.", "ossec-analysisd: Invalid attribute for rule.");
      }
    }
    if (id < 0 || level < 0) {
      throw error("ossec-analysisd: No rule id or level specified for rule '" + position + "'.");
    }
    rule = new Rule.Builder(id);
    int internal = level == 0 ? 99 : level;
    rule.internalLevel = accuracy == 0 ? internal : internal * 100;
    rule.noalert = noalert;
    rule.ignoreSeconds = ignore;
    draft = new RuleDraft(rule, file, OssecXml.line(element), overwrite);
  }

  /** OSSEC's numeric attribute: digits only, at most {@code digits} of them read; -1 if empty. */
  private int number(String value, int digits, String what) throws RuleException {
    if (!isNumeric(value)) {
      throw error("rules_op: Invalid " + what + ": " + value + ". Must be integer",
          "ossec-analysisd: Invalid attribute for rule.");
    }
    if (value.isEmpty()) return -1;
    return Integer.parseInt(value.substring(0, Math.min(digits, value.length())));
  }

  static boolean isNumeric(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') return false;
    }
    return true;
  }

  private void readOption(Element option) throws RuleException {
    String written = option.getName();
    String name = written.toLowerCase(Locale.ROOT);
    if (EXACT_NAMES.contains(name) && !written.equals(name)) throw invalidOption(written);
    String content = option.getText();
    if (content.length() >= MAX_OPTION) {
      loader.log("ossec-analysisd(1104): ERROR: Maximum string size reached for: " + written + ".");
      return;
    }
    if (CONCATENATING.contains(name)) {
      texts.merge(name, content, String::concat);
      return;
    }
    switch (name) {
      case "decoded_as":
      case "category":
      case "if_level":
      case "if_matched_sid":
        texts.put(name, content);
        break;
      case "srcip":
      case "dstip":
        address(name, content);
        break;
      case "time":
        time(content);
        break;
      case "weekday":
        weekday(content);
        break;
      case "field":
        field(option, content);
        break;
      case "list":
        conditions.add(list(option, content));
        break;
      case "compiled_rule":
        CompiledRule compiled = CompiledRule.named(content);
        if (compiled == null) throw error("ossec-analysisd: ERROR: Compiled rule not found: '" + content + "'");
        // A rule holds one: the real binary checks the last <compiled_rule> a rule names.
        conditions.removeIf(condition -> condition instanceof Condition.Compiled);
        conditions.add(new Condition.Compiled(compiled));
        break;
      case "info":
        info(option, content);
        break;
      case "cve":
        addInfo("CVE", content);
        break;
      case "options":
        alertOption(content);
        break;
      case "ignore":
      case "check_if_ignored":
        // The ignore store is never written by ossec-logtest: both are no-ops (spec/rules.md §9).
        break;
      case "check_diff":
        rule.checkDiff = true;
        break;
      case "if_fts":
        conditions.add(new Condition.FirstTimeSeen());
        break;
      default:
        if (!contextOption(name)) throw invalidOption(written);
    }
  }

  private boolean contextOption(String name) {
    switch (name) {
      case "same_source_ip": filters.add(Correlation.Filter.SAME_SOURCE_IP); break;
      case "same_src_port": filters.add(Correlation.Filter.SAME_SRC_PORT); break;
      case "same_dst_port": filters.add(Correlation.Filter.SAME_DST_PORT); break;
      case "same_user": filters.add(Correlation.Filter.SAME_USER); break;
      case "same_location": filters.add(Correlation.Filter.SAME_LOCATION); break;
      case "same_id": filters.add(Correlation.Filter.SAME_ID); break;
      case "different_url": filters.add(Correlation.Filter.DIFFERENT_URL); break;
      case "different_srcgeoip": filters.add(Correlation.Filter.DIFFERENT_SRCGEOIP); break;
      case "different_srcip": break;
      case "not_same_source_ip": filters.remove(Correlation.Filter.SAME_SOURCE_IP); break;
      case "not_same_user": filters.remove(Correlation.Filter.SAME_USER); break;
      case "not_same_agent": filters.remove(Correlation.Filter.SAME_LOCATION); break;
      case "not_same_id": filters.remove(Correlation.Filter.SAME_ID); break;
      default: return false;
    }
    contextOptions = true;
    return true;
  }

  private void address(String name, String content) throws RuleException {
    IpEntry entry = IpEntry.parse(content);
    if (entry == null) throw error("ossec-analysisd(1237): ERROR: Invalid ip address: '" + content + "'.");
    (name.equals("srcip") ? srcips : dstips).add(entry);
  }

  private void time(String content) throws RuleException {
    String[] rest = new String[1];
    Condition.TimeRange range = CalendarParser.time(content, rest);
    if (range == null) {
      throw error("ossec-analysisd(1240): ERROR: Invalid time format: '" + rest[0] + "'.",
          "ossec-analysisd(1274): ERROR: Invalid configuration. Element 'time': " + content + ".");
    }
    conditions.add(range);
  }

  private void weekday(String content) throws RuleException {
    String[] rest = new String[1];
    Set<DayOfWeek> days = CalendarParser.weekdays(content, rest);
    if (days == null) {
      throw error("ossec-analysisd(1241): ERROR: Invalid day format: '" + rest[0] + "'.",
          "ossec-analysisd(1274): ERROR: Invalid configuration. Element 'weekday': " + content + ".");
    }
    conditions.add(new Condition.Weekday(days));
  }

  private void field(Element option, String content) throws RuleException {
    List<Attribute> attributes = option.attributes();
    if (attributes.isEmpty() || !attributes.get(0).getName().equalsIgnoreCase("name")) {
      throw invalidOption(option.getName());
    }
    conditions.add(new Condition.DynamicField(attributes.get(0).getValue(), compile("regex", content)));
  }

  private static final Map<String, EventField> LIST_FIELDS = Map.ofEntries(
      Map.entry("srcip", EventField.SRCIP), Map.entry("srcport", EventField.SRCPORT),
      Map.entry("dstip", EventField.DSTIP), Map.entry("dstport", EventField.DSTPORT),
      Map.entry("user", EventField.LIST_USER), Map.entry("url", EventField.URL), Map.entry("id", EventField.ID),
      Map.entry("hostname", EventField.HOSTNAME), Map.entry("program_name", EventField.PROGRAM_NAME),
      Map.entry("status", EventField.STATUS), Map.entry("action", EventField.ACTION));

  private Condition list(Element option, String content) throws RuleException {
    String malformed = "ossec-analysisd:List must have a correctly formatted field attribute";
    if (option.attributes().isEmpty() || content.isEmpty()) throw error(malformed);
    EventField field = null;
    CdbLookup.Type type = CdbLookup.Type.MATCH_KEY;
    OsPattern checkValue = null;
    for (Attribute attribute : option.attributes()) {
      String value = attribute.getValue().toLowerCase(Locale.ROOT);
      switch (attribute.getName().toLowerCase(Locale.ROOT)) {
        case "field":
          field = LIST_FIELDS.get(value);
          if (field == null) throw error(malformed);
          break;
        case "lookup":
          try {
            type = CdbLookup.Type.valueOf(value.toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException unknown) {
            throw error(malformed);
          }
          break;
        case "check_value":
          checkValue = compile("match", attribute.getValue());
          break;
        default:
          throw error(malformed);
      }
    }
    if (field == null) throw error("ossec-analysisd:List requires the field=\"\" Attrubute");
    return new Condition.ListLookup(field, new CdbLookup(type, loader.list(content), content, checkValue));
  }

  private void info(Element option, String content) throws RuleException {
    List<Attribute> attributes = option.attributes();
    if (attributes.isEmpty()) {
      addInfo("Text", content);
      return;
    }
    // OSSEC loops forever on any other type or attribute; refuse it instead.
    String type = attributes.get(0).getName().equalsIgnoreCase("type") ? attributes.get(0).getValue() : "";
    switch (type) {
      case "text": addInfo("Text", content); break;
      case "link": addInfo("Link", content); break;
      case "cve": addInfo("CVE", content); break;
      case "osvdb": addInfo("OSVDB", content); break;
      default:
        throw error("ossec-analysisd: Invalid info type '" + type + "' for rule '" + rule.id
            + "': expected text, link, cve or osvdb (OSSEC 4.3.0 hangs here).");
    }
  }

  private void addInfo(String type, String text) {
    if (rule.infos.size() < 9) rule.infos.add(new Rule.Info(type, text));
  }

  private void alertOption(String content) throws RuleException {
    switch (content) {
      case "alert_by_email": rule.mail = true; break;
      case "no_email_alert": rule.mail = false; break;
      case "log_alert": rule.logAlert = true; break;
      case "no_log": rule.logAlert = false; break;
      case "no_ar": break;
      default:
        throw error("ossec-analysisd(1235): ERROR: Invalid value for element 'options': " + content + ".",
            "ossec-analysisd: Invalid option 'options' for rule '" + rule.id + "'.");
    }
  }

  /** Compiles the joined texts and runs OSSEC's checks once every option is read. */
  private void finish() throws RuleException {
    String decodedAs = texts.get("decoded_as");
    if (decodedAs != null) {
      int id = loader.decoderIds.applyAsInt(decodedAs);
      if (id < 0) throw error("ossec-analysisd: Invalid decoder name: '" + decodedAs + "'.");
      conditions.add(new Condition.DecodedAs(id, decodedAs));
    }
    String category = texts.get("category");
    if (category != null) {
      rule.category = Category.named(category);
      if (rule.category == null) throw error("ossec-analysisd(1273): ERROR: Invalid category '" + category + "' chosen.");
    }
    String description = texts.get("description");
    if (description != null) rule.description = description.replaceFirst("\n", " ");
    rule.groups += texts.getOrDefault("group", "");
    patterns();
    if (!srcips.isEmpty()) conditions.add(new Condition.Address(Condition.Kind.SRCIP, EventField.SRCIP, srcips));
    if (!dstips.isEmpty()) conditions.add(new Condition.Address(Condition.Kind.DSTIP, EventField.DSTIP, dstips));
    if (maxsize > 0) conditions.add(new Condition.MaxSize(maxsize));
    if (rule.checkDiff) conditions.add(new Condition.CheckDiff(rule.id));
    placement();
    rule.conditions = conditions;
  }

  private void patterns() throws RuleException {
    plainOrPcre2("match", "match_pcre2", Condition.Kind.MATCH, EventField.LOG);
    plainOrPcre2("regex", "pcre2", Condition.Kind.REGEX, EventField.LOG);
    plainOrPcre2("program_name", "program_name_pcre2", Condition.Kind.PROGRAM_NAME, EventField.PROGRAM_NAME);
    plainOrPcre2("id", "id_pcre2", Condition.Kind.ID, EventField.ID);
    plainOrPcre2("srcport", "srcport_pcre2", Condition.Kind.SRCPORT, EventField.SRCPORT);
    plainOrPcre2("dstport", "dstport_pcre2", Condition.Kind.DSTPORT, EventField.DSTPORT);
    plainOrPcre2("user", "user_pcre2", Condition.Kind.USER, EventField.USER);
    plainOrPcre2("srcgeoip", "srcgeoip_pcre2", Condition.Kind.SRCGEOIP, EventField.SRCGEOIP);
    plainOrPcre2("dstgeoip", "dstgeoip_pcre2", Condition.Kind.DSTGEOIP, EventField.DSTGEOIP);
    plainOrPcre2("extra_data", "extra_data_pcre2", Condition.Kind.EXTRA_DATA, EventField.EXTRA_DATA);
    plainOrPcre2("hostname", "hostname_pcre2", Condition.Kind.HOSTNAME, EventField.HOSTNAME);
    plainOrPcre2("status", "status_pcre2", Condition.Kind.STATUS, EventField.STATUS);
    String url = texts.get("url");
    if (url != null) conditions.add(pattern(Condition.Kind.URL, false, "url", EventField.URL, url));
    String urlPcre2 = texts.get("url_pcre2");
    if (urlPcre2 != null) {
      conditions.add(pattern(Condition.Kind.URL_PCRE2, true, "url_pcre2", EventField.URL, urlPcre2));
    }
    String action = texts.get("action");
    if (action != null) conditions.add(new Condition.Action(action));
  }

  /** The plain element's condition, else the pcre2 one's (OSSEC ignores the latter beside the former). */
  private void plainOrPcre2(String plain, String pcre2, Condition.Kind kind, EventField field)
      throws RuleException {
    String text = texts.get(plain);
    if (text != null) {
      conditions.add(pattern(kind, false, plain, field, text));
    } else if (texts.containsKey(pcre2)) {
      conditions.add(pattern(kind, true, pcre2, field, texts.get(pcre2)));
    }
  }

  private Condition pattern(Condition.Kind kind, boolean pcre2, String element, EventField field, String text)
      throws RuleException {
    String flavour = pcre2 ? "pcre2" : kind == Condition.Kind.REGEX ? "regex" : "match";
    return new Condition.Pattern(kind, pcre2, element, field, compile(flavour, text));
  }

  OsPattern compile(String flavour, String text) throws RuleException {
    try {
      switch (flavour) {
        case "regex": return OsPattern.regex(text);
        case "pcre2": return OsPattern.pcre2(text);
        default: return OsPattern.match(text);
      }
    } catch (PatternException e) {
      throw error("ossec-analysisd(1450): ERROR: Syntax error on regex: '" + text + "': " + e.code() + ".");
    }
  }

  /** Where the rule goes and what it correlates (spec/rules.md §1.3 checks, §3.3). */
  private void placement() throws RuleException {
    draft.ifSid = texts.get("if_sid");
    draft.ifGroup = texts.get("if_group");
    String ifLevel = texts.get("if_level");
    if (ifLevel != null) {
      if (!isNumeric(ifLevel)) {
        throw error("ossec-analysisd(1274): ERROR: Invalid configuration. Element 'if_level': " + ifLevel + ".");
      }
      draft.ifLevel = ifLevel.isEmpty() ? 0 : Integer.parseInt(ifLevel);
    }
    String matchedSid = texts.get("if_matched_sid");
    String matchedGroup = texts.get("if_matched_group");
    String matchedRegex = texts.get("if_matched_regex");
    if ((frequency > 0 || contextOptions)
        && matchedSid == null && matchedGroup == null && matchedRegex == null && !rule.checkDiff) {
      throw error("ossec-analysisd: Invalid use of frequency/context options. Missing if_matched on rule '"
          + rule.id + "'.");
    }
    int window = timeframe < 0 ? loader.settings.defaultTimeframe() : timeframe;
    OsPattern regex = matchedRegex == null ? null : compile("regex", matchedRegex);
    if (matchedSid != null) {
      if (!isNumeric(matchedSid) || matchedSid.isEmpty()) {
        throw error("ossec-analysisd(1274): ERROR: Invalid configuration. Element 'if_matched_sid': "
            + matchedSid + ".");
      }
      int sid = Integer.parseInt(matchedSid.substring(0, Math.min(9, matchedSid.length())));
      if (draft.ifSid == null && draft.ifGroup == null) {
        draft.ifSid = matchedSid;
        draft.ifLevel = null;
      }
      rule.correlation = new Correlation(Correlation.Source.SID, sid, null, regex, frequency, window, filters);
    } else if (matchedGroup != null) {
      if (draft.ifSid == null && draft.ifGroup == null) draft.ifGroup = matchedGroup;
      rule.correlation = new Correlation(Correlation.Source.GROUP, 0, matchedGroup, regex, frequency, window, filters);
    } else if (matchedRegex != null && !rule.checkDiff) {
      rule.correlation = new Correlation(Correlation.Source.REGEX, 0, null, regex, frequency, window, filters);
    }
  }

  private RuleException invalidOption(String written) {
    return error("ossec-analysisd: Invalid option '" + written + "' for rule '" + rule.id + "'.");
  }

  RuleException error(String... lines) {
    List<String> all = new ArrayList<>(List.of(lines));
    all.add(RuleLoader.loadingFailed(file));
    String where = file + ":" + OssecXml.line(element) + (rule == null ? "" : ": rule " + rule.id);
    return new RuleException(where, all);
  }
}
