package dev.ossecaws.differential;

import static dev.ossecaws.differential.CorpusGenerator.pick;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules files layered on OSSEC's default rules, made to exercise rule options and their
 * combinations: placement ({@code if_sid}, {@code if_group}, {@code if_level}, {@code category},
 * {@code decoded_as}, {@code overwrite}), every pattern flavour ({@code match}, {@code regex},
 * {@code pcre2}, {@code match_pcre2}, the field conditions and their {@code _pcre2} twins, with
 * the {@code negate}/{@code type} attributes OSSEC 4.3.0 ignores), IP lists, {@code time},
 * {@code weekday}, {@code maxsize}, CDB {@code <list>} lookups, compiled rules, {@code if_fts},
 * correlation ({@code if_matched_sid}, {@code if_matched_group}, {@code if_matched_regex},
 * {@code frequency}/{@code timeframe} with the {@code same_*}, {@code different_*} and
 * {@code not_same_*} filters), {@code ignore} (attribute and element), {@code check_if_ignored},
 * {@code noalert}, {@code accuracy}, {@code options}, info lines and XML variables. Most rules
 * are made for one of the session's lines (an {@link Anchor}), so that they match some events. A few rules are broken on
 * purpose (a bad pattern, a parent that does not exist), to compare how both refuse them.
 */
final class RuleGenerator {
  static final int FIRST_ID = 200_000;  // local_rules.xml has 100001
  /** Default rules that fire often on OSSEC's samples (tests/session), and so make busy parents. */
  private static final List<Integer> PARENTS = List.of(1, 3603, 3602, 5710, 1002, 3601, 2501, 5712, 9901, 20101,
      14200, 2503, 35000, 7400, 5901, 5402, 4100, 5503, 5902, 31100, 31101, 31108, 20100, 12101, 40107, 30107,
      5602, 5716, 5715, 5501, 5700, 5500, 5104, 2502, 11200, 3300, 9900);
  private static final List<Integer> AMAZON_PARENTS = List.of(80000, 80020, 80800, 80802, 80860, 80300);
  private static final List<String> GROUPS = List.of("authentication_failed", "authentication_success",
      "invalid_login", "sshd", "pam", "syslog", "web", "accesslog", "attack", "access_denied", "imapd", "squid",
      "ids", "firewall", "sudo", "errors", "recon", "connection_attempt", "diff_a", "diff_b", "diff_c", "^diff",
      "web|sshd", "amazon");
  private static final List<String> DECODERS = List.of("sshd", "pam", "imapd", "apache-errorlog", "proftpd",
      "cisco-ios", "web-accesslog", "squid-accesslog", "vpopmail", "sudo", "ftpd", "named", "su", "iptables",
      "windows", "pure-ftpd", "postfix", "amazon");
  private static final List<String> CATEGORIES = List.of("syslog", "firewall", "ids", "web-log", "squid", "windows",
      "ossec");
  private static final List<String> IP_ENTRIES = List.of("10.0.0.1", "10.0.0.0/8", "!10.0.0.0/8", "192.168.1.5",
      "192.168.0.0/16", "!192.168.1.5", "any", "1.2.3.4/32", "2001:db8::/32", "::1", "0.0.0.0/0", "203.0.113.0/24",
      "!any");
  private static final List<String> TIMES = List.of("6 pm - 8:30 am", "9:00 - 17:00", "!0:00 - 1:00",
      "12 am - 1 am", "10 pm - 6 am", "00:00 - 00:30", "1:00-23:00", "!6 am - 6 pm", "0 - 3");
  private static final List<String> WEEKDAYS = List.of("weekends", "weekdays", "thursday", "fri,sat", "Mon Tue",
      "sunday", "thu, fri", "WED");
  private static final List<String> FILTERS = List.of("same_source_ip", "same_user", "same_id", "same_src_port",
      "same_dst_port", "same_location", "different_url", "different_srcip", "not_same_source_ip", "not_same_user",
      "not_same_id", "not_same_agent");
  private static final Map<String, String> LISTS = Map.of(
      "diff_ips", "10.0.0.:internal\n1.2.3.4:bad\n192.168.1.5:single\n203.0.113.7:aws\n10.1.:internal2\n",
      "diff_users", "root:admin\nbob:user\nalice:admin\nadmin:admin\nroot:shadowed\nguest:\n",
      "diff_names", "sshd:ssh\nsu:su\nweb01:host\nmelancia:host\nossec-aws:host\n/index.html:page\n");
  private static final List<String> LOOKUPS = List.of("match_key", "not_match_key", "match_key_value",
      "address_match_key", "not_address_match_key", "address_match_key_value");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_@-]{3,}");

  private final Random random;
  private final List<Anchor> anchors;
  private final boolean amazon;
  /** The line the rule being generated is made for. */
  private Anchor anchor;
  /** Whether the rule being generated keeps to its anchor: placed where it goes, conditions it meets. */
  private boolean focused;
  /** The elements the rule being generated has. */
  private final Set<String> used = new HashSet<>();
  private final List<Integer> generated = new ArrayList<>();

  private RuleGenerator(Random random, List<Anchor> anchors, boolean amazon) {
    this.random = random;
    this.anchors = anchors;
    this.amazon = amazon;
  }

  /** The lists every generated ruleset configures (rules look up some of them, and one list that is not configured). */
  static Map<String, String> lists() {
    return new LinkedHashMap<>(LISTS);
  }

  /**
   * {@code count} rules (each in a group of its own), most of them made for one of the session's
   * lines ({@code anchors}): placed where it goes, patterns cut from its log.
   */
  static List<String> generate(Random random, int count, List<Anchor> anchors, boolean amazon) {
    RuleGenerator generator = new RuleGenerator(random, anchors, amazon);
    List<String> rules = new ArrayList<>();
    for (int i = 0; i < count; i++) rules.add(generator.next(FIRST_ID + i));
    return rules;
  }

  private String next(int id) {
    anchor = pick(random, anchors);
    focused = percent(60);
    used.clear();
    StringBuilder rule = new StringBuilder();
    StringBuilder attributes = new StringBuilder();
    String var = null;
    boolean overwrite = !generated.isEmpty() && percent(4);
    int ruleId = overwrite ? (random.nextBoolean() ? pick(random, generated) : pick(random, PARENTS.subList(1, PARENTS.size()))) : id;
    int level = percent(20) ? 0 : 1 + random.nextInt(15);
    attributes.append(" id=\"").append(ruleId).append("\" level=\"").append(level).append('"');
    if (overwrite) attributes.append(" overwrite=\"yes\"");
    if (percent(focused ? 2 : 8)) attributes.append(" maxsize=\"").append(pick(random, List.of(10, 60, 100, 200, 1000, 6000))).append('"');
    if (percent(6)) attributes.append(" noalert=\"1\"");
    if (percent(4)) attributes.append(" accuracy=\"0\"");
    if (percent(8)) attributes.append(" ignore=\"").append(pick(random, List.of(1, 5, 30, 120, 600))).append('"');

    // Placement.
    String ifSid = null;
    int placement = random.nextInt(100);
    if (focused) {
      if (anchor.rule() != 0) placement = percent(70) ? 0 : percent(50) ? 50 : 75;
      else placement = anchor.decoder() != null ? 75 : 90;
    }
    if (placement < 45) {
      ifSid = Integer.toString(anchor.rule() != 0 && percent(75) ? anchor.rule() : parent());
      if (percent(10)) ifSid += "," + parent();
      if (percent(3)) ifSid += ",";  // OSSEC's quirk: also under the category's first rule
      element(rule, "if_sid", ifSid);
    } else if (placement < 60) {
      element(rule, "if_group", group());
    } else if (placement < 66) {
      element(rule, "if_level", Integer.toString(anchor.level() > 0 && percent(70) ? 1 + random.nextInt(anchor.level())
          : pick(random, List.of(1, 3, 5, 7, 10))));
    } else if (placement < 72) {
      element(rule, "category", pick(random, CATEGORIES));
    } else if (placement < 82) {
      element(rule, "decoded_as", decoder());
    }

    // Conditions.
    int conditions = random.nextInt(3) + (placement >= 82 ? 1 : 0);
    for (int i = 0; i < conditions; i++) {
      if (!focused || !anchorCondition(rule)) condition(rule);
    }
    if (percent(5)) {
      var = "diff_v" + id;
      element(rule, "match", "$" + var);
    }

    // Correlation.
    if (percent(focused ? 35 : 20)) {
      int kind = focused ? random.nextInt(7) : random.nextInt(10);
      int target = anchor.rule() != 0 && percent(60) ? anchor.rule()
          : ifSid != null && percent(50) ? Integer.parseInt(ifSid.split(",")[0]) : parent();
      if (kind < 6) element(rule, "if_matched_sid", Integer.toString(target));
      else if (kind < 9) element(rule, "if_matched_group", group());
      else element(rule, "if_matched_regex", osRegex(fragment()));
      if (percent(70)) {
        attributes.append(" frequency=\"").append(random.nextInt(percent(70) ? 3 : 7)).append('"');
      }
      if (percent(70)) attributes.append(" timeframe=\"").append(pick(random, List.of(5, 30, 60, 120, 360, 600, 3600))).append('"');
      for (int i = random.nextInt(3); i > 0; i--) rule.append("    <").append(pick(random, FILTERS)).append(" />\n");
    } else if (random.nextInt(1000) < 5) {
      attributes.append(" frequency=\"2\"");  // refused: frequency without if_matched
    }
    if (percent(4)) element(rule, "ignore", pick(random, List.of("srcip", "user", "id,srcip", "name")));
    if (percent(3)) element(rule, "check_if_ignored", pick(random, List.of("srcip", "user")));

    element(rule, "description", description(ruleId));
    if (percent(30)) element(rule, "group", pick(random, List.of("diff_a,", "diff_b,", "diff_c,", "authentication_failed,", "diff_a,diff_b,")));
    if (percent(10)) element(rule, "options", pick(random, List.of("no_log", "alert_by_email", "log_alert", "no_email_alert", "no_ar")));
    if (percent(6)) element(rule, pick(random, List.of("info", "cve")), pick(random, List.of("CVE-2026-0001", "see the runbook", "http://example.com/x")));
    if (!overwrite) generated.add(id);

    StringBuilder file = new StringBuilder();
    if (var != null) file.append("<var name=\"").append(var).append("\">").append(matchPattern()).append("</var>\n");
    file.append("<group name=\"").append(pick(random, List.of("differential,", "diff_a,", "diff_b,", "diff_c,syslog,", "local,")))
        .append("\">\n  <rule").append(attributes).append(">\n").append(rule).append("  </rule>\n</group>");
    return file.toString();
  }

  /** Elements that test one field, by the field's {@code <order>} name. */
  private static final Map<String, List<String>> FIELD_ELEMENTS = Map.of(
      "hostname", List.of("hostname", "hostname_pcre2"), "program_name", List.of("program_name", "program_name_pcre2"),
      "dstuser", List.of("user", "user_pcre2"), "srcuser", List.of("user"), "url", List.of("url", "url_pcre2"),
      "id", List.of("id", "id_pcre2"), "status", List.of("status", "status_pcre2"),
      "extra_data", List.of("extra_data", "extra_data_pcre2"), "srcport", List.of("srcport", "srcport_pcre2"),
      "dstport", List.of("dstport", "dstport_pcre2"));

  private void condition(StringBuilder rule) {
    if (percent(50) && anchorCondition(rule)) return;
    switch (random.nextInt(focused ? 8 : 24)) {
      case 0, 1, 2 -> element(rule, "match", matchPattern());
      case 3, 4 -> element(rule, "regex", osRegex(fragment()));
      case 5, 6 -> element(rule, "pcre2", pcre2(fragment()));
      case 7 -> element(rule, "match_pcre2", pcre2(fragment()));
      case 8 -> element(rule, pick(random, List.of("srcip", "dstip")), pick(random, IP_ENTRIES));
      case 9 -> element(rule, pick(random, List.of("user", "user_pcre2")),
          pick(random, List.of("root", "^adm", "alice|bob", "^x$", "(?i)^ROOT$", "oracle")));
      case 10 -> element(rule, pick(random, List.of("program_name", "program_name_pcre2")),
          pick(random, List.of("sshd", "^su", "named|postfix", "^sshd$", "d$")));
      case 11 -> element(rule, pick(random, List.of("hostname", "hostname_pcre2")),
          pick(random, List.of("web01", "^db", "melancia|ossec-aws", "10.10", "example")));
      case 12 -> element(rule, pick(random, List.of("url", "url_pcre2", "id", "id_pcre2", "status", "extra_data")),
          pick(random, List.of("/", ".php", "^/admin", "200", "^4", "404$", "signin", "\\d+")));
      case 13 -> element(rule, pick(random, List.of("srcport", "dstport", "srcport_pcre2")), pick(random, List.of("22", "^8", "53$", "443")));
      case 14 -> element(rule, "action", pick(random, List.of("GET", "DROP", "ConsoleLogin", "CreateUser", "get", "Deny")));
      case 15 -> element(rule, "time", pick(random, TIMES));
      case 16 -> element(rule, "weekday", pick(random, WEEKDAYS));
      case 17, 18 -> list(rule);
      case 19 -> element(rule, "compiled_rule", pick(random, List.of("comp_srcuser_dstuser", "check_id_size", "is_simple_http_request")));
      case 20 -> rule.append("    <if_fts />\n");
      case 21 -> {
        if (amazon) element(rule, "field", pick(random, List.of("region", "event_type", "identity_type", "error_code", "user_agent")),
            pick(random, List.of("^us-", "AwsApiCall", "Root|IAMUser", "^$", "aws-cli", "\\w+")));
        else element(rule, "match", matchPattern());
      }
      case 22 -> {
        if (used.add("match")) rule.append("    <match negate=\"yes\">").append(xml(matchPattern())).append("</match>\n");
      }
      default -> {
        if (used.add("regex")) rule.append("    <regex type=\"").append(pick(random, List.of("osregex", "pcre2", "osmatch")))
            .append("\">").append(xml(osRegex(fragment()))).append("</regex>\n");
      }
    }
  }

  /** A condition on one of the anchor's own fields, mostly one it meets; false if it has none. */
  private boolean anchorCondition(StringBuilder rule) {
    List<String> names = anchor.fields().keySet().stream()
        .filter(n -> FIELD_ELEMENTS.containsKey(n) || n.equals("srcip") || n.equals("dstip") || n.equals("action")
            || amazon)
        .sorted().toList();
    if (names.isEmpty()) return false;
    String name = pick(random, names);
    String value = clean(anchor.fields().get(name));
    if (value.isEmpty()) return false;
    if (name.equals("srcip") || name.equals("dstip")) {
      int dot = value.lastIndexOf('.');
      String entry = switch (random.nextInt(4)) {
        case 0 -> dot > 0 && value.indexOf(':') < 0 ? value.substring(0, dot) + ".0/24" : value;
        case 1 -> "!" + value;
        default -> value;
      };
      element(rule, name, entry);
    } else if (name.equals("action")) {
      element(rule, "action", percent(80) ? value : value.toLowerCase());
    } else if (FIELD_ELEMENTS.containsKey(name)) {
      String element = pick(random, FIELD_ELEMENTS.get(name));
      String pattern = switch (random.nextInt(5)) {
        case 0 -> "^" + value;
        case 1 -> value.substring(0, Math.max(1, value.length() / 2));
        case 2 -> value.toUpperCase() + "|x";
        default -> value;
      };
      element(rule, element, element.endsWith("_pcre2") ? pcre2(pattern) : pattern);
    } else {
      element(rule, "field", name, percent(70) ? osRegex(value.substring(0, Math.min(value.length(), 12))) : "^$");
    }
    return true;
  }

  private void list(StringBuilder rule) {
    String field = pick(random, List.of("srcip", "srcip", "dstip", "user", "user", "program_name", "hostname", "url", "id"));
    String list = switch (field) {
      case "srcip", "dstip" -> "diff_ips";
      case "user" -> "diff_users";
      default -> "diff_names";
    };
    if (percent(5)) list = "diff_missing";  // not configured: never true
    String name = "rules/" + list + (percent(20) ? ".cdb" : "");
    String lookup = pick(random, LOOKUPS);
    rule.append("    <list field=\"").append(field).append("\" lookup=\"").append(lookup).append('"');
    if (lookup.endsWith("_value")) rule.append(" check_value=\"").append(pick(random, List.of("^adm", "internal", "single", "host|ssh", ""))).append('"');
    rule.append('>').append(name).append("</list>\n");
  }

  private int parent() {
    if (!generated.isEmpty() && percent(30)) return pick(random, generated);
    if (amazon && percent(30)) return pick(random, AMAZON_PARENTS);
    return pick(random, PARENTS);
  }

  private String decoder() {
    if (anchor.decoder() != null && percent(75)) return anchor.decoder();
    return pick(random, DECODERS.subList(0, DECODERS.size() - (amazon ? 0 : 1)));
  }

  /** One of the groups of the anchor's rule, or of a list of common ones. */
  private String group() {
    List<String> own = List.of(anchor.groups().split(",")).stream().filter(g -> !g.isBlank()).toList();
    return !own.isEmpty() && percent(70) ? pick(random, own) : pick(random, GROUPS);
  }

  private String description(int id) {
    String text = "Differential rule " + id;
    if (percent(5)) text += "\nsecond line\nthird";
    if (percent(5)) text += " with 'quotes' and \u00c3\u00a9";
    return text;
  }

  /** A match-flavour pattern: a token of some line, anchored, alternated or re-cased at times. */
  private String matchPattern() {
    String token = token();
    return switch (random.nextInt(8)) {
      case 0 -> token.toUpperCase();
      case 1 -> "^" + token;
      case 2 -> token + "$";
      case 3 -> token + "|" + token();
      case 4 -> fragment();
      case 5 -> percent(50) ? "" : "|" + token;
      default -> token;
    };
  }

  /** Part of a line's log (the text after a syslog header), a few words long. */
  private String fragment() {
    String log = log();
    if (log.length() < 3) return token();
    int from = random.nextInt(log.length() - 2);
    int to = Math.min(log.length(), from + 3 + random.nextInt(30));
    return clean(log.substring(from, to));
  }

  private String token() {
    String log = log();
    Matcher tokens = TOKEN.matcher(log);
    List<String> found = new ArrayList<>();
    while (tokens.find()) found.add(tokens.group());
    return found.isEmpty() ? "error" : pick(random, found);
  }

  /** The anchor's log mostly, another line's at times. */
  private String log() {
    return focused || percent(80) ? anchor.log() : pick(random, anchors).log();
  }

  /** OSSEC's XML reader has no entities: these would end the element or need escapes the flavours do not share. */
  private static String clean(String text) {
    return text.replaceAll("[<&\\x00-\\x1f\\x7f]", "");
  }

  /** A regex-flavour pattern that matches {@code text}, with classes and quantifiers in places. */
  private String osRegex(String text) {
    if (random.nextInt(1000) < 5) {
      return text + "\\x";  // refused: not an OSSEC escape
    }
    StringBuilder out = new StringBuilder();
    if (percent(15)) out.append('^');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int run = i;
      while (run < text.length() && Character.isDigit(text.charAt(run))) run++;
      if (run > i && percent(70)) {
        out.append(percent(80) ? "\\d+" : "\\d*");
        i = run - 1;
      } else if (Character.isLetter(c) && c < 0x80 && percent(15)) {
        while (i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1)) && text.charAt(i + 1) < 0x80) i++;
        out.append(percent(70) ? "\\w+" : "(\\w+)");
      } else if (c == ' ') {
        out.append(percent(50) ? "\\s+" : percent(50) ? "\\s" : " ");
      } else if ("$|^()\\".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else if (c == '.' && percent(50)) {
        out.append("\\.");
      } else if ("()*+,.:;=?[]!\"'#%$|{}-".indexOf(c) >= 0 && percent(40)) {
        out.append("\\p");
      } else if (c == '+' || c == '*') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    if (percent(10)) out.append('$');
    if (percent(10)) out.append('|').append(token());
    return out.toString();
  }

  /** A PCRE2 pattern that matches {@code text}: classes, quantifiers, options, groups and assertions. */
  private String pcre2(String text) {
    if (random.nextInt(1000) < 5) {
      return "(" + text;  // refused: unbalanced
    }
    StringBuilder out = new StringBuilder();
    if (percent(20)) out.append("(?i)");
    if (percent(10)) out.append('^').append(percent(50) ? ".*" : "");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int run = i;
      while (run < text.length() && Character.isDigit(text.charAt(run))) run++;
      if (run > i && percent(70)) {
        out.append(pick(random, List.of("\\d+", "\\d{1,5}", "[0-9]+", "\\d*?")));
        i = run - 1;
      } else if (Character.isLetter(c) && c < 0x80 && percent(10)) {
        while (i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)) && text.charAt(i + 1) < 0x80) i++;
        out.append(pick(random, List.of("\\w+", "[A-Za-z]+", "(\\w+)", "\\b\\w+\\b", "(?:[a-z]|[A-Z])+")));
      } else if (c == ' ') {
        out.append(pick(random, List.of(" ", "\\s+", "\\s", "[ ]")));
      } else if (!Character.isLetterOrDigit(c) && c < 0x80) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    switch (random.nextInt(12)) {
      case 0 -> out.append('$');
      case 1 -> out.insert(0, "(?=.*" + token() + ")");
      case 2 -> out.append("|").append(token());
      case 3 -> out.append("(?!").append(token()).append(')');
      case 4 -> out.insert(0, "(\\w)\\1|");
      default -> {}
    }
    return out.toString();
  }

  private void element(StringBuilder rule, String name, String content) {
    element(rule, name, null, content);
  }

  private void element(StringBuilder rule, String name, String fieldName, String content) {
    // A second match, regex, user... is joined to the first with no separator: rarely what matches.
    if (fieldName == null && !name.equals("group") && !used.add(name) && percent(90)) return;
    String tag = percent(3) ? name.toUpperCase() : name;
    rule.append("    <").append(tag);
    if (fieldName != null) rule.append(" name=\"").append(fieldName).append('"');
    rule.append('>').append(xml(content)).append("</").append(tag).append(">\n");
  }

  /** Text as the XML file holds it: {@code >} and quotes stay, OSSEC's reader takes them literally. */
  private static String xml(String text) {
    return String.join("\n", List.of(text.split("\n", -1)).stream().map(RuleGenerator::clean).toList());
  }

  private boolean percent(int chance) {
    return random.nextInt(100) < chance;
  }
}
