package dev.ossecaws.lint;

import dev.ossecaws.pattern.OsPattern;
import dev.ossecaws.pattern.PatternException;
import java.util.Map;

/**
 * The elements of rules and decoders that hold a pattern, and how OSSEC 4.3.0 reads each: with
 * which flavour it compiles it and, for a {@code *_pcre2} element, which classic element wins over
 * it when a rule or decoder has both (OSSEC then drops the pcre2 one without a word).
 */
final class PatternElements {
  enum Flavour { REGEX, MATCH, PCRE2 }

  /**
   * @param shadowedBy the classic element that OSSEC uses instead of this pcre2 one when both are
   *     given; null for classic elements and for {@code url_pcre2}, which OSSEC keeps beside {@code url}
   */
  record Kind(Flavour flavour, String shadowedBy) {
    OsPattern compile(String source) throws PatternException {
      return switch (flavour) {
        case REGEX -> OsPattern.regex(source);
        case MATCH -> OsPattern.match(source);
        case PCRE2 -> OsPattern.pcre2(source);
      };
    }
  }

  private static final Kind REGEX = new Kind(Flavour.REGEX, null);
  private static final Kind MATCH = new Kind(Flavour.MATCH, null);

  static final Map<String, Kind> RULE = Map.ofEntries(
      Map.entry("match", MATCH), Map.entry("regex", REGEX),
      Map.entry("program_name", MATCH), Map.entry("hostname", MATCH),
      Map.entry("user", MATCH), Map.entry("url", MATCH), Map.entry("id", MATCH),
      Map.entry("status", MATCH), Map.entry("extra_data", MATCH),
      Map.entry("srcport", MATCH), Map.entry("dstport", MATCH),
      Map.entry("srcgeoip", MATCH), Map.entry("dstgeoip", MATCH),
      Map.entry("field", REGEX), Map.entry("if_matched_regex", REGEX),
      pcre2("match_pcre2", "match"), pcre2("pcre2", "regex"),
      pcre2("program_name_pcre2", "program_name"), pcre2("hostname_pcre2", "hostname"),
      pcre2("user_pcre2", "user"), pcre2("url_pcre2", null), pcre2("id_pcre2", "id"),
      pcre2("status_pcre2", "status"), pcre2("extra_data_pcre2", "extra_data"),
      pcre2("srcport_pcre2", "srcport"), pcre2("dstport_pcre2", "dstport"),
      pcre2("srcgeoip_pcre2", "srcgeoip"), pcre2("dstgeoip_pcre2", "dstgeoip"));

  static final Map<String, Kind> DECODER = Map.ofEntries(
      Map.entry("prematch", REGEX), Map.entry("regex", REGEX), Map.entry("program_name", MATCH),
      pcre2("prematch_pcre2", "prematch"), pcre2("pcre2", "regex"), pcre2("program_name_pcre2", "program_name"));

  private PatternElements() {}

  private static Map.Entry<String, Kind> pcre2(String element, String shadowedBy) {
    return Map.entry(element, new Kind(Flavour.PCRE2, shadowedBy));
  }
}
