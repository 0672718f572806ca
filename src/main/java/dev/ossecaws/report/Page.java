package dev.ossecaws.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page around the report's data: {@code report.html} with the style, the data as JSON, the
 * drawing script and ECharts put in. The data is attacker-controlled (a record's userAgent can be
 * anything), so it enters as JSON with every character that could end the script element or
 * break it escaped, the script reads it as text, and the page's Content-Security-Policy runs only
 * the two scripts whose hashes it names and loads nothing from anywhere.
 */
final class Page {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  private Page() {}

  static String html(String title, String generated, JsonNode data) {
    String script = resource("report.js");
    String echarts = ECharts.script();
    String csp = "default-src 'none'; script-src " + hash(script) + " " + hash(echarts)
        + "; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
    return fill(resource("report.html"), Map.of(
        "csp", csp,
        "title", escape(title),
        "generated", escape(generated),
        "style", resource("report.css"),
        "data", scriptJson(data),
        "script", script,
        "echarts", echarts,
        "echartsVersion", ECharts.VERSION,
        "license", escape(ECharts.license())));
  }

  /**
   * JSON that can stand inside {@code <script type="application/json">}: {@code <}, {@code >} and
   * {@code &} as {@code \}u escapes (no {@code </script>} or {@code <!--}), U+2028 and U+2029 too.
   */
  static String scriptJson(JsonNode data) {
    String json;
    try {
      json = JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
    return replaced(json, c -> switch (c) {
      case '<' -> "\\u003c";
      case '>' -> "\\u003e";
      case '&' -> "\\u0026";
      case '\u2028' -> "\\u2028";
      case '\u2029' -> "\\u2029";
      default -> null;
    });
  }

  /** Text as HTML character data or a quoted attribute value. */
  static String escape(String text) {
    return replaced(text, c -> switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&#39;";
      default -> null;
    });
  }

  /** {@code text} with each character for which {@code replacement} gives a string replaced by it. */
  private static String replaced(String text, Function<Character, String> replacement) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replaced = replacement.apply(c);
      if (replaced == null) out.append(c);
      else out.append(replaced);
    }
    return out.toString();
  }

  /** One pass, so a value that contains {@code {{name}}} is never filled in itself. */
  private static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 1_200_000);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) throw new IllegalStateException("report.html: no value for " + m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A CSP source for an inline script: its text's SHA-256, as the browser computes it. */
  private static String hash(String script) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = Page.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource dev/ossecaws/report/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dev/ossecaws/report/" + name, e);
    }
  }
}
