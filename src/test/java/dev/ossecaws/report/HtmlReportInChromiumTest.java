package dev.ossecaws.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.harness.CaseFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the sample records' real verdicts, opened in headless Chromium: every chart drawn,
 * nothing on the console, a record's markup shown as text. Keeps the page and its screenshot as
 * {@code target/report.html} and {@code target/report.png}.
 */
class HtmlReportInChromiumTest {
  private static final Path RULESET = Path.of("ruleset");
  private static final Path SAMPLES = Path.of("samples");
  private static final Set<String> CHARTS =
      Set.of("rules", "levels", "timeline", "principals", "sources", "accounts", "regions", "comparison");
  /** Ends the script element, then tries an inline script and an event handler. */
  private static final String PAYLOAD = "</script><script>document.body.setAttribute('data-pwned','script')</script>"
      + "<img src=x onerror=document.body.setAttribute('data-pwned','img')>";
  private static final Pattern RENDERED = Pattern.compile("data-chart=\"(\\w+)\"[^>]*data-rendered=\"true\"");

  @TempDir static Path dir;
  private static Chromium chromium;
  private static Path page;
  private static Chromium.Rendered rendered;

  @BeforeAll
  static void openTheReportOfTheSamples() throws Exception {
    chromium = Chromium.find(dir);
    SampleAlerts after = SampleAlerts.withRuleset(RULESET)
        .file("crafted/user-agent-with-markup.json", List.of(maliciousRecord()))
        .samples(SAMPLES);
    SampleAlerts before = SampleAlerts.withRuleset(baselineRuleset(dir.resolve("baseline"))).samples(SAMPLES);

    HtmlReport report = new HtmlReport("ossec-aws replay of samples/ <b>and</b> one crafted record");
    report.records(after.records());
    after.alerts().forEach(report::alert);
    report.comparison(changes(before.alerts(), after.alerts()));
    page = dir.resolve("report.html");
    report.write(page);
    Files.copy(page, Path.of("target/report.html"), StandardCopyOption.REPLACE_EXISTING);
    rendered = chromium.open(page);
    chromium.screenshot(page, Path.of("target/report.png"), 1400, 2000);
  }

  @Test
  void everyChartRendersWithoutConsoleMessagesOrPageErrors() {
    assertEquals(List.of(), rendered.console());
    assertFalse(body(rendered.dom()).contains("data-page-errors"), () -> pageErrors(rendered.dom()));
    assertEquals(CHARTS, renderedCharts(rendered.dom()));
    assertTrue(body(rendered.dom()).contains("data-charts-expected=\"" + CHARTS.size() + "\""), body(rendered.dom()));
    assertTrue(body(rendered.dom()).contains("data-charts-rendered=\"" + CHARTS.size() + "\""), body(rendered.dom()));
  }

  @Test
  void theTableHoldsTheHighestLevelAlertsWithTheirRecords() throws Exception {
    String dom = rendered.dom();
    String rows = dom.substring(dom.indexOf("<tbody id=\"alert-rows\">"), dom.indexOf("</tbody>", dom.indexOf("<tbody id=\"alert-rows\">")));
    assertEquals(HtmlReport.TOP_ALERTS, rows.split("<tr>", -1).length - 1);
    // Level 12 (DeleteTrail and the like) before anything lower, and the record's place named.
    assertTrue(rows.indexOf("<span class=\"level high\">12</span>") < rows.indexOf("<span class=\"level mid\">"));
    assertTrue(rows.contains("samples/cloudtrail/"), rows.substring(0, 2000));
  }

  @Test
  void markupInAUserAgentIsShownAsTextAndNeverRuns() {
    String dom = rendered.dom();
    assertFalse(body(dom).contains("data-pwned"), "the record's markup ran: " + body(dom));
    assertFalse(dom.contains("<img src=x"), "the record's markup became an element");
    // As text in the table's record (its JSON line escapes nothing printable) and in the title.
    assertTrue(dom.contains("&lt;/script&gt;&lt;script&gt;document.body.setAttribute('data-pwned','script')&lt;/script&gt;"
        + "&lt;img src=x onerror=document.body.setAttribute('data-pwned','img')&gt;"), "the user agent is not shown");
    assertTrue(dom.contains("<h1>ossec-aws replay of samples/ &lt;b&gt;and&lt;/b&gt; one crafted record</h1>"));
  }

  @Test
  void aReplayWithoutAlertsStillDrawsEveryChart() throws Exception {
    HtmlReport report = new HtmlReport("ossec-aws replay of nothing alerting");
    report.records(12);
    Path empty = dir.resolve("empty.html");
    report.write(empty);

    Chromium.Rendered drawn = chromium.open(empty);

    assertEquals(List.of(), drawn.console());
    assertFalse(body(drawn.dom()).contains("data-page-errors"), () -> pageErrors(drawn.dom()));
    Set<String> withoutComparison = new HashSet<>(CHARTS);
    withoutComparison.remove("comparison");
    assertEquals(withoutComparison, renderedCharts(drawn.dom()));
    assertFalse(drawn.dom().contains("data-chart=\"comparison\""), "the comparison is shown without one");
  }

  @Test
  void theChecksCatchAPageThatFailsToDraw() throws Exception {
    // The same page with its data cut short: JSON.parse throws and nothing is drawn.
    String html = Files.readString(page, StandardCharsets.UTF_8);
    int data = html.indexOf("<script type=\"application/json\" id=\"report-data\">") + 50;
    Path broken = dir.resolve("broken.html");
    Files.writeString(broken, html.substring(0, data) + "{\"title\":" + html.substring(html.indexOf("</script>", data)));

    Chromium.Rendered failed = chromium.open(broken);

    assertNotEquals(List.of(), failed.console());
    assertTrue(failed.console().stream().anyMatch(line -> line.contains("Uncaught SyntaxError")), failed.console()::toString);
    assertTrue(body(failed.dom()).contains("data-page-errors=\""), "the page did not show its error");
    assertEquals(Set.of(), renderedCharts(failed.dom()));
  }

  /** The StopLogging sample whose userAgent and caller name carry markup. */
  private static ObjectNode maliciousRecord() throws Exception {
    ObjectNode record = CaseFile.read(SAMPLES.resolve("cloudtrail/stop-logging.json")).events().get(0).record().deepCopy();
    record.put("userAgent", PAYLOAD);
    ((ObjectNode) record.get("userIdentity")).put("arn", "arn:aws:iam::123456789012:user/" + PAYLOAD);
    return record;
  }

  /** The ruleset as it was "before": without 80107, and 80870 at level 5 instead of 3. */
  private static Path baselineRuleset(Path copy) throws Exception {
    try (Stream<Path> files = Files.walk(RULESET)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(RULESET.relativize(file).toString());
        if (Files.isDirectory(file)) Files.createDirectories(target);
        else Files.copy(file, target);
      }
    }
    Path rules = copy.resolve("rules/amazon_rules.xml");
    String xml = Files.readString(rules, StandardCharsets.ISO_8859_1);
    String edited = xml.replaceFirst("(?s)<rule id=\"80107\".*?</rule>", "")
        .replace("<rule id=\"80870\" level=\"3\">", "<rule id=\"80870\" level=\"5\">");
    assertNotEquals(xml, edited);
    Files.writeString(rules, edited, StandardCharsets.ISO_8859_1);
    return copy;
  }

  /** Per rule, alerts and level on each side, for the rules where either differs. */
  static List<RuleChange> changes(List<JsonNode> before, List<JsonNode> after) {
    Map<Integer, JsonNode> rulesBefore = new LinkedHashMap<>();
    Map<Integer, JsonNode> rulesAfter = new LinkedHashMap<>();
    Map<Integer, long[]> counts = new LinkedHashMap<>();
    for (JsonNode line : before) {
      rulesBefore.put(line.get("rule").get("id").asInt(), line.get("rule"));
      counts.computeIfAbsent(line.get("rule").get("id").asInt(), id -> new long[2])[0]++;
    }
    for (JsonNode line : after) {
      rulesAfter.put(line.get("rule").get("id").asInt(), line.get("rule"));
      counts.computeIfAbsent(line.get("rule").get("id").asInt(), id -> new long[2])[1]++;
    }
    List<RuleChange> changes = new ArrayList<>();
    counts.forEach((id, n) -> {
      int levelBefore = rulesBefore.containsKey(id) ? rulesBefore.get(id).get("level").asInt() : -1;
      int levelAfter = rulesAfter.containsKey(id) ? rulesAfter.get(id).get("level").asInt() : -1;
      if (n[0] == n[1] && levelBefore == levelAfter) return;
      JsonNode rule = rulesAfter.containsKey(id) ? rulesAfter.get(id) : rulesBefore.get(id);
      changes.add(new RuleChange(id, rule.get("description").asText(), levelBefore, levelAfter, n[0], n[1]));
    });
    return changes;
  }

  private static Set<String> renderedCharts(String dom) {
    Set<String> charts = new TreeSet<>();
    Matcher m = RENDERED.matcher(dom);
    while (m.find()) charts.add(m.group(1));
    return new HashSet<>(charts);
  }

  /** The body's start tag: where the page's script marks errors and drawn charts. */
  private static String body(String dom) {
    Matcher m = Pattern.compile("<body[^>]*>").matcher(dom);
    if (!m.find()) throw new AssertionError("no <body> in the DOM:\n" + dom.substring(0, Math.min(2000, dom.length())));
    return m.group();
  }

  private static String pageErrors(String dom) {
    int at = dom.indexOf("id=\"page-errors\"");
    return at < 0 ? "no error box" : dom.substring(at, Math.min(dom.length(), at + 2000));
  }
}
