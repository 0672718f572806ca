package dev.ossecaws.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One self-contained HTML page of a replay's alerts: alerts per rule (a donut), over time stacked
 * by group, by level, per principal, source address, account and region, the highest-level alerts
 * with their records, and with {@link #comparison} the before/after per rule of a ruleset change.
 * The page needs no network: Apache ECharts is inlined.
 *
 * <p>Memory is bounded whatever the replay's size: counts per rule, level and group (the ruleset
 * bounds them), at most {@value #TALLY_CAPACITY} distinct values per field (then approximate, and
 * the page says so), at most {@value #TIMELINE_BUCKETS} time buckets, and the {@value #TOP_ALERTS}
 * highest-level alerts.
 *
 * <p>Feed it the lines of {@code replay --alerts} (see {@link #alert}); not thread-safe.
 */
public final class HtmlReport {
  static final int TOP_ALERTS = 100;
  static final int TALLY_CAPACITY = 5_000;
  static final int TIMELINE_BUCKETS = 2_000;
  /** Shown per field chart; the rest are in "distinct". */
  static final int TOP_VALUES = 15;
  /** Groups stacked in the timeline; the rest are summed as "other groups". */
  static final int STACKED_GROUPS = 10;
  static final int MAX_BARS = 240;

  private static final ObjectMapper JSON = new ObjectMapper();
  /** eventTime outside these years is not a CloudTrail time: counted as without one. */
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final String title;
  private long records;
  private long alerts;
  private final Map<Integer, RuleCount> rules = new HashMap<>();
  private final TreeMap<Integer, Long> levels = new TreeMap<>();
  private final Map<String, Long> groups = new HashMap<>();
  private final Tally principals = new Tally(TALLY_CAPACITY);
  private final Tally sources = new Tally(TALLY_CAPACITY);
  private final Tally accounts = new Tally(TALLY_CAPACITY);
  private final Tally regions = new Tally(TALLY_CAPACITY);
  private final Timeline timeline = new Timeline(TIMELINE_BUCKETS);
  private long untimed;
  private Instant first;
  private Instant last;
  private final TopAlerts top = new TopAlerts(TOP_ALERTS);
  private List<RuleChange> comparison;

  /** A report called {@code title}, e.g. "ossec-aws replay of 3 paths". */
  public HtmlReport(String title) {
    this.title = requireNonNull(title, "title == null");
  }

  /** The records evaluated, alerting or not, for "alerts per record". */
  public void records(long recordsEvaluated) {
    if (recordsEvaluated < 0) throw new IllegalArgumentException("recordsEvaluated < 0: " + recordsEvaluated);
    this.records = recordsEvaluated;
  }

  /**
   * Counts one alert line of {@code replay --alerts} ({@code logtest --format json}'s object plus
   * {@code eventTime}, {@code eventID}, {@code account}, {@code region} and {@code source}), in
   * replay order.
   *
   * @throws IllegalArgumentException if the line has no {@code rule} object
   */
  public void alert(JsonNode alertLine) {
    JsonNode rule = requireNonNull(alertLine, "alertLine == null").path("rule");
    if (!rule.isObject()) throw new IllegalArgumentException("alert line without a rule object: " + abbreviated(alertLine));
    int ruleId = rule.path("id").asInt();
    int level = rule.path("level").asInt();
    String description = rule.path("description").asText("");
    // Once each: a rule can name its enclosing group again (OSSEC keeps "amazon,amazon,...").
    Set<String> ruleGroups = new LinkedHashSet<>();
    for (JsonNode group : rule.path("groups")) ruleGroups.add(group.asText());
    JsonNode fields = alertLine.path("fields");
    String principal = firstOf(text(fields, "principal_arn"), text(fields, "user"), text(fields, "dstuser"));
    String srcip = text(fields, "srcip");
    String account = firstOf(text(alertLine, "account"), text(fields, "account"));
    String region = firstOf(text(alertLine, "region"), text(fields, "region"));
    String eventTime = text(alertLine, "eventTime");

    long order = alerts++;
    rules.computeIfAbsent(ruleId, id -> new RuleCount(description, level)).alerts++;
    levels.merge(level, 1L, Long::sum);
    for (String group : ruleGroups) groups.merge(group, 1L, Long::sum);
    principals.add(principal);
    sources.add(srcip);
    accounts.add(account);
    regions.add(region);
    Instant time = instant(eventTime);
    if (time == null) {
      untimed++;
    } else {
      timeline.add(time, ruleGroups);
      if (first == null || time.isBefore(first)) first = time;
      if (last == null || time.isAfter(last)) last = time;
    }
    if (top.wouldKeep(level)) {
      JsonNode source = alertLine.path("source");
      top.add(new TopAlerts.Kept(order, level, ruleId, description, eventTime, principal, srcip, account,
          region, text(alertLine, "eventID"), text(source, "path"), source.path("record").asLong(-1),
          text(alertLine, "full_log")));
    }
  }

  /** The per-rule before/after of {@code replay --baseline}; the page shows it when set. */
  public void comparison(List<RuleChange> changes) {
    this.comparison = List.copyOf(requireNonNull(changes, "changes == null"));
  }

  /** Writes the page to {@code html}, replacing the file. */
  public void write(Path html) throws IOException {
    String generated = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Files.writeString(html, Page.html(title, generated, data()), StandardCharsets.UTF_8);
  }

  /** Everything the page draws, as the JSON its script reads. */
  ObjectNode data() {
    ObjectNode data = JSON.createObjectNode();
    data.put("title", title);
    data.put("records", records);
    data.put("alerts", alerts);
    data.put("firstTime", first == null ? null : first.toString());
    data.put("lastTime", last == null ? null : last.toString());
    data.put("untimed", untimed);
    ArrayNode ruleRows = data.putArray("rules");
    rules.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<Integer, RuleCount> e) -> -e.getValue().alerts)
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> ruleRows.addObject().put("id", e.getKey()).put("description", e.getValue().description)
            .put("level", e.getValue().level).put("alerts", e.getValue().alerts));
    ArrayNode levelRows = data.putArray("levels");
    levels.forEach((level, n) -> levelRows.addObject().put("level", level).put("alerts", n));
    data.set("timeline", timelineData());
    data.set("principals", tallyData(principals));
    data.set("sources", tallyData(sources));
    data.set("accounts", tallyData(accounts));
    data.set("regions", tallyData(regions));
    ObjectNode topAlerts = data.putObject("topAlerts").put("limit", top.limit());
    ArrayNode topRows = topAlerts.putArray("alerts");
    for (TopAlerts.Kept kept : top.sorted()) topRows.add(JSON.valueToTree(kept));
    if (comparison != null) {
      ArrayNode changes = data.putArray("comparison");
      comparison.stream()
          .sorted(Comparator.comparingLong((RuleChange c) -> -Math.abs(c.alertsAfter() - c.alertsBefore()))
              .thenComparingInt(RuleChange::ruleId))
          .forEach(c -> changes.add(JSON.valueToTree(c)));
    }
    return data;
  }

  private ObjectNode timelineData() {
    Timeline.Series series = timeline.series(MAX_BARS);
    ObjectNode data = JSON.createObjectNode();
    data.put("stepMillis", series.width().toMillis());
    data.put("step", Timeline.label(series.width()));
    ArrayNode starts = data.putArray("starts");
    series.starts().forEach(start -> starts.add(start.toEpochMilli()));
    // A group every alert carries (the ruleset's "amazon") would only repeat the total.
    List<String> stacked = new ArrayList<>();
    ArrayNode omitted = data.putArray("omitted");
    groups.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
        .forEach(e -> {
          if (e.getValue() == alerts) omitted.add(e.getKey());
          else stacked.add(e.getKey());
        });
    ArrayNode rows = data.putArray("groups");
    long[] other = new long[series.starts().size()];
    for (int i = 0; i < stacked.size(); i++) {
      long[] counts = series.counts().get(stacked.get(i));
      if (counts == null) continue; // its alerts had no eventTime
      if (i < STACKED_GROUPS) {
        ArrayNode row = rows.addObject().put("name", stacked.get(i)).putArray("counts");
        for (long n : counts) row.add(n);
      } else {
        for (int j = 0; j < counts.length; j++) other[j] += counts[j];
      }
    }
    if (stacked.size() > STACKED_GROUPS) {
      ArrayNode row = rows.addObject().put("name", "other groups").putArray("counts");
      for (long n : other) row.add(n);
    }
    return data;
  }

  private static ObjectNode tallyData(Tally tally) {
    ObjectNode data = JSON.createObjectNode();
    ArrayNode rows = data.putArray("top");
    for (Tally.Entry entry : tally.top(TOP_VALUES)) {
      rows.addObject().put("value", entry.value()).put("alerts", entry.alerts()).put("overcount", entry.overcount());
    }
    return data.put("distinct", tally.distinct()).put("exact", tally.exact()).put("missing", tally.missing());
  }

  private static Instant instant(String eventTime) {
    if (eventTime == null) return null;
    try {
      Instant time = Instant.parse(eventTime);
      return time.isBefore(EARLIEST) || time.isAfter(LATEST) ? null : time;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A string value of {@code node.key}, or null when absent, not a string or empty. */
  private static String text(JsonNode node, String key) {
    JsonNode value = node.path(key);
    return value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : null;
  }

  private static String firstOf(String... values) {
    for (String value : values) if (value != null) return value;
    return null;
  }

  private static String abbreviated(JsonNode line) {
    String text = line.toString();
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  /** A rule's alerts, with the description and level of its first alert. */
  private static final class RuleCount {
    final String description;
    final int level;
    long alerts;

    RuleCount(String description, int level) {
      this.description = description;
      this.level = level;
    }
  }
}
