package dev.ossecaws.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Apache ECharts' minified bundle and its license, read from the WebJar on the classpath (the
 * shade plugin keeps just these files of it in {@code ossec-aws.jar}).
 */
final class ECharts {
  /** Keep in step with the WebJar's version in pom.xml. */
  static final String VERSION = "5.3.1";

  private static final String ROOT = "META-INF/resources/webjars/echarts/" + VERSION + "/";

  private ECharts() {}

  /** {@code dist/echarts.min.js}: one script, no imports, safe to inline in a {@code <script>}. */
  static String script() {
    String script = read("dist/echarts.min.js");
    // Inside <script>, these would end the element or switch the parser into a comment state.
    for (String unsafe : new String[] {"</script", "<!--", "<script"}) {
      if (script.toLowerCase(Locale.ROOT).contains(unsafe)) {
        throw new IllegalStateException("echarts.min.js contains '" + unsafe + "': it cannot be inlined");
      }
    }
    return script;
  }

  /** The LICENSE, NOTICE and bundled d3 license, as the page shows them. */
  static String license() {
    return read("NOTICE") + "\n\n" + read("LICENSE") + "\n\nlicenses/LICENSE-d3:\n" + read("licenses/LICENSE-d3");
  }

  private static String read(String name) {
    try (InputStream in = ECharts.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) throw new IllegalStateException("ECharts " + VERSION + " is not on the classpath: " + ROOT + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ROOT + name, e);
    }
  }
}
