package dev.ossecaws.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossecaws.SharedData;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.engine.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format json}: what the rules saw, and what phase 2 printed. */
class JsonReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path ruleset;

  @Test
  void pluginDecodedValuesAreFieldsThoughPhaseTwoPrintsNone() throws Exception {
    Path home = SharedData.ossecHome();
    Engine engine = Engines.load(ManagerConfig.load(home, home.resolve("etc/ossec.conf")));
    // The example line of the stock SonicWall decoder (etc/decoder.xml).
    JsonNode json = json(engine.process("Jan  3 13:45:36 192.168.5.1 id=firewall sn=000SERIAL "
        + "time=\"2007-01-03 14:48:06\" fw=1.1.1.1 pri=6 c=262144 m=98 msg=\"Connection Opened\" n=23419 "
        + "src=2.2.2.2:36701:WAN dst=1.1.1.1:50000:WAN proto=tcp/50000"));

    assertEquals("sonicwall", json.get("decoder").asText());
    assertEquals(
        "{\"srcip\":\"2.2.2.2\",\"dstip\":\"1.1.1.1\",\"srcport\":\"36701\",\"dstport\":\"50000\","
            + "\"protocol\":\"tcp\",\"action\":\"pass\",\"id\":\"98\",\"status\":\"6\"}",
        json.get("fields").toString());
    assertEquals("[]", json.get("assignments").toString());
  }

  @Test
  void accumulatedValuesAreFieldsWhileAssignmentsKeepThePrintedOnes() throws Exception {
    Engine engine = Engines.withDecoders(ruleset,
        "<decoder name=\"acc\"><prematch>^ACC </prematch><regex>^ACC id=(\\S+) user=(\\S*) ip=(\\S*)</regex>"
            + "<order>id, user, srcip</order><accumulate/></decoder>");
    engine.process("ACC id=7 user=bob ip=");
    JsonNode json = json(engine.process("ACC id=7 user= ip=1.2.3.4"));

    assertEquals("{\"srcip\":\"1.2.3.4\",\"dstuser\":\"bob\",\"id\":\"7\"}", json.get("fields").toString());
    assertEquals(
        "[{\"name\":\"id\",\"value\":\"7\"},{\"name\":\"dstuser\",\"value\":\"\"},{\"name\":\"srcip\",\"value\":\"1.2.3.4\"}]",
        json.get("assignments").toString());
  }

  @Test
  void dynamicFieldsFollowTheStaticOnesUnderTheirOwnNames() throws Exception {
    Engine engine = Engines.withDecoders(ruleset,
        "<decoder name=\"app\"><prematch>^APP </prematch><regex>^APP (\\S+) (\\S+) (\\S+)</regex>"
            + "<order>proto, protocol, srcip</order></decoder>");
    JsonNode json = json(engine.process("APP dyn static 1.2.3.4"));

    assertEquals("{\"srcip\":\"1.2.3.4\",\"protocol\":\"static\",\"proto\":\"dyn\"}", json.get("fields").toString());
  }

  @Test
  void bytesAreReadAsUtf8AndTwoNamesThatReadAlikeMakeOneKey() throws Exception {
    // Dynamic field names are bytes of the decoder file: \xff and \xfe both read as U+FFFD.
    Engine engine = Engines.withDecoders(ruleset,
        "<decoder name=\"app\"><prematch>^APP </prematch><pcre2>^APP (\\S+) (\\S+)</pcre2>"
            + "<order>a\u00ff, a\u00fe</order></decoder>");
    byte[] line = JsonReport.of(engine.process("APP caf\u00c3\u00a9 \u00ff\"q\""));

    String text = new String(line, UTF_8);
    assertEquals("\"fields\":{\"a\uFFFD\":\"\uFFFD\\\"q\\\"\"}", text.substring(text.indexOf("\"fields\""), text.indexOf(",\"assignments\"")));
    assertEquals('\n', line[line.length - 1]);
    assertEquals("APP caf\u00e9 \uFFFD\"q\"", MAPPER.readTree(line).get("log").textValue());
  }

  private static JsonNode json(Verdict verdict) throws Exception {
    return MAPPER.readTree(new String(JsonReport.of(verdict), UTF_8));
  }
}
