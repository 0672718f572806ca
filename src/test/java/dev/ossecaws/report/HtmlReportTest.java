package dev.ossecaws.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the report keeps of the alert lines, and the page it writes. */
class HtmlReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** An alert line of the contract's shape, {@code fields} as given. */
  private static ObjectNode alert(int ruleId, int level, String eventTime, String... fields) {
    ObjectNode line = JSON.createObjectNode();
    line.put("full_log", "\"AmazonAWS\":\"eventTime\":\"" + eventTime + "\"");
    ObjectNode values = line.putObject("fields");
    for (int i = 0; i < fields.length; i += 2) values.put(fields[i], fields[i + 1]);
    ObjectNode rule = line.putObject("rule").put("id", ruleId).put("level", level).put("description", "rule " + ruleId);
    rule.putArray("groups").add("amazon").add("group" + (ruleId % 3));
    rule.put("alert", true);
    line.put("eventTime", eventTime).put("eventID", "id-" + ruleId).put("account", "123456789012").put("region", "us-east-1");
    line.putObject("source").put("path", "logs/a.json.gz").put("record", 7);
    return line;
  }

  @Test
  void keepsOnlyTheHighestLevelAlertsEarliestFirstWithinALevel() {
    HtmlReport report = new HtmlReport("t");
    for (int i = 0; i < 1_000; i++) report.alert(alert(80000 + i, i % 13, "2026-01-15T03:14:05Z", "srcip", "192.0.2." + (i % 250)));

    JsonNode kept = report.data().get("topAlerts").get("alerts");
    assertEquals(HtmlReport.TOP_ALERTS, kept.size());
    // 1,000 alerts over levels 0..12: 76 of level 12, then the earliest 24 of level 11.
    assertEquals(12, kept.get(0).get("level").asInt());
    assertEquals(80012, kept.get(0).get("ruleId").asInt());
    assertEquals(11, kept.get(99).get("level").asInt());
    assertEquals(80011 + 23 * 13, kept.get(99).get("ruleId").asInt());
    assertEquals(1_000, report.data().get("alerts").asLong());
  }

  @Test
  void thePrincipalIsTheArnOrElseTheUser() {
    HtmlReport report = new HtmlReport("t");
    report.alert(alert(80001, 3, "2026-01-15T03:14:05Z", "principal_arn", "arn:aws:iam::123456789012:user/alice", "dstuser", "alice"));
    report.alert(alert(80001, 3, "2026-01-15T03:14:05Z", "principal_arn", "", "dstuser", "bob"));
    report.alert(alert(80001, 3, "2026-01-15T03:14:05Z"));

    JsonNode principals = report.data().get("principals");
    assertEquals("[{\"value\":\"arn:aws:iam::123456789012:user/alice\",\"alerts\":1,\"overcount\":0},"
        + "{\"value\":\"bob\",\"alerts\":1,\"overcount\":0}]", principals.get("top").toString());
    assertEquals(1, principals.get("missing").asLong());
  }

  @Test
  void aGroupOnEveryAlertIsLeftOutOfTheTimelineAndAlertsWithoutATimeAreCounted() {
    HtmlReport report = new HtmlReport("t");
    report.alert(alert(80001, 3, "2026-01-15T03:14:05Z"));
    report.alert(alert(80002, 3, "2026-01-15T03:15:59Z"));
    report.alert(alert(80003, 3, "not a time"));

    JsonNode data = report.data();
    JsonNode timeline = data.get("timeline");
    assertEquals("[\"amazon\"]", timeline.get("omitted").toString());
    assertEquals("[{\"name\":\"group0\",\"counts\":[1,0]},{\"name\":\"group1\",\"counts\":[0,1]}]",
        timeline.get("groups").toString());
    assertEquals("1 minute", timeline.get("step").asText());
    assertEquals(1, data.get("untimed").asLong());
    assertEquals("2026-01-15T03:14:05Z", data.get("firstTime").asText());
  }

  @Test
  void anAlertCountsOnceInAGroupItsRuleNamesTwice() {
    HtmlReport report = new HtmlReport("t");
    ObjectNode line = alert(80001, 3, "2026-01-15T03:14:05Z");
    ((ArrayNode) line.get("rule").get("groups")).add("amazon");
    report.alert(line);
    report.alert(alert(80002, 3, "2026-01-15T03:14:05Z"));

    assertEquals("[\"amazon\"]", report.data().get("timeline").get("omitted").toString());
  }

  @Test
  void theComparisonListsTheLargestChangeFirst() {
    HtmlReport report = new HtmlReport("t");
    report.comparison(List.of(new RuleChange(80870, "policy changed", 3, 5, 10, 12),
        new RuleChange(80107, "data store deleted", 12, -1, 4, 0), new RuleChange(80020, "denied", 5, 5, 100, 40)));

    JsonNode changes = report.data().get("comparison");
    assertEquals(List.of(80020, 80107, 80870), List.of(changes.get(0).get("ruleId").asInt(),
        changes.get(1).get("ruleId").asInt(), changes.get(2).get("ruleId").asInt()));
    assertEquals(-1, changes.get(1).get("levelAfter").asInt());
  }

  @Test
  void noComparisonMeansNoComparisonData() {
    assertFalse(new HtmlReport("t").data().has("comparison"));
  }

  @Test
  void anAlertLineWithoutARuleIsRefused() {
    ObjectNode line = alert(80001, 3, "2026-01-15T03:14:05Z");
    line.putNull("rule");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HtmlReport("t").alert(line));
    assertTrue(e.getMessage().startsWith("alert line without a rule object: {\"full_log\""), e.getMessage());
  }

  @Test
  void theWrittenPageCarriesTheDataEscapedAndRunsOnlyItsOwnScripts() throws Exception {
    HtmlReport report = new HtmlReport("a <title> & more");
    report.records(1);
    report.alert(alert(80001, 3, "2026-01-15T03:14:05Z", "srcip", "</script><img src=x onerror=alert(1)>\u2028"));
    Path page = dir.resolve("report.html");
    report.write(page);

    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertFalse(html.contains("<img src=x"));
    assertTrue(html.contains("\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e\\u2028"));
    assertTrue(html.contains("<title>a &lt;title&gt; &amp; more</title>"));
    // Three <script> elements: the data (not run) and the two whose hashes the policy names.
    assertEquals(3, count(html, "<script"));
    Matcher policy = Pattern.compile("script-src ('sha256-[A-Za-z0-9+/=]+') ('sha256-[A-Za-z0-9+/=]+');").matcher(html);
    assertTrue(policy.find(), "no script hashes in the page's policy");
    assertTrue(html.contains("default-src 'none'"));
    assertTrue(html.contains("Apache ECharts " + ECharts.VERSION) && html.contains("Apache License"));
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) n++;
    return n;
  }
}
