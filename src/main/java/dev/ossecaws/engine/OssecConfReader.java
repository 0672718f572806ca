package dev.ossecaws.engine;

import dev.ossecaws.xml.OssecXml;
import dev.ossecaws.xml.XmlException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.dom4j.Document;
import org.dom4j.Element;

/**
 * ossec.conf as ossec-logtest reads it (spec/xml.md §5): {@code ossec_config} roots whose sections
 * {@code global}, {@code alerts} and {@code rules} matter, {@code syscheck} is half-checked and the
 * other known sections are accepted unread.
 */
final class OssecConfReader {
  private static final Set<String> UNREAD_SECTIONS = Set.of("rootcheck", "email_alerts",
      "database_output", "syslog_output", "agentless", "localfile", "remote", "client", "command",
      "active-response", "reports");
  /** ossec-analysisd's {@code <global>} options; logtest validates their names, uses memory_size. */
  private static final Set<String> GLOBAL_OPTIONS = Set.of("email_notification", "email_to",
      "email_from", "email_reply_to", "email_idsname", "email_maxperhour", "smtp_server",
      "white_list", "host_information", "compress_alerts", "stats", "logall", "logall_json",
      "memory_size", "jsonout_output", "alerts_log", "prelude_output", "prelude_profile",
      "prelude_log_level", "zeromq_output", "zeromq_uri", "zeromq_server_cert",
      "zeromq_client_cert", "picviz_output", "picviz_socket", "geoip_db_path", "geoip6_db_path",
      "geoipdb", "custom_alert_output", "rotate_interval", "max_output_size");
  private static final int MIN_MEMORY_SIZE = 2048;

  private final String file;
  private final ManagerConfig.Builder config;

  private OssecConfReader(String file, ManagerConfig.Builder config) {
    this.file = file;
    this.config = config;
  }

  static void read(Path configFile, ManagerConfig.Builder config) throws ConfigException {
    new OssecConfReader(config.configFile(), config).read(configFile);
  }

  private void read(Path configFile) throws ConfigException {
    Document document;
    try {
      document = OssecXml.read(file, configFile);
    } catch (XmlException e) {
      throw new ConfigException(file, e.line(), List.of(
          "ossec-testrule(1226): ERROR: Error reading XML file '" + file + "': " + e.detail()
              + " (line " + e.line() + ").",
          configurationError()));
    }
    RulesSection rules = new RulesSection(config.home(), this);
    for (Element root : document.getRootElement().elements()) {
      if (root.getName().equalsIgnoreCase("var")) continue;
      if (!root.getName().equals("ossec_config")) {
        throw new ConfigException(file, OssecXml.line(root),
            List.of(invalidElement(root.getName()), configurationError()));
      }
      for (Element section : root.elements()) section(section, rules);
    }
    rules.finish(config);
  }

  private void section(Element section, RulesSection rules) throws ConfigException {
    String name = section.getName();
    if (section.elements().isEmpty()) throw sectionError(section, invalidElement(name));
    if (name.equals("global")) {
      global(section);
    } else if (name.equals("alerts")) {
      alerts(section);
    } else if (name.equals("rules")) {
      rules.read(section);
    } else if (name.equals("syscheck")) {
      syscheck(section);
    } else if (!UNREAD_SECTIONS.contains(name)) {
      throw sectionError(section, invalidElement(name));
    }
  }

  private void global(Element section) throws ConfigException {
    for (Element option : section.elements()) {
      if (!GLOBAL_OPTIONS.contains(option.getName())) {
        throw sectionError(option, invalidElement(option.getName()));
      }
      if (option.getName().equals("memory_size")) {
        config.memorySize = Math.max(MIN_MEMORY_SIZE, number(option).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue());
      }
    }
  }

  private void alerts(Element section) throws ConfigException {
    for (Element option : section.elements()) {
      int level = number(option).mod(BigInteger.valueOf(256)).intValue();
      if (option.getName().equals("email_alert_level")) {
        config.emailAlertLevel = level;
      } else if (option.getName().equals("log_alert_level")) {
        config.logAlertLevel = level;
      } else {
        throw sectionError(option, invalidElement(option.getName()));
      }
    }
  }

  private void syscheck(Element section) throws ConfigException {
    for (Element option : section.elements()) {
      String name = option.getName();
      boolean checked = name.equals("auto_ignore") || name.equals("alert_new_files");
      String value = option.getText();
      if (checked && !value.equals("yes") && !value.equals("no")) {
        throw sectionError(option, invalidValue(name, value));
      }
    }
  }

  /** Digits only; the empty text counts as 0. */
  private BigInteger number(Element option) throws ConfigException {
    String value = option.getText();
    if (!value.matches("[0-9]*")) throw sectionError(option, invalidValue(option.getName(), value));
    return value.isEmpty() ? BigInteger.ZERO : new BigInteger(value);
  }

  /** A section error: OSSEC's message, then its configuration error line, printed twice. */
  ConfigException sectionError(Element at, String message) {
    return new ConfigException(file, OssecXml.line(at),
        List.of(message, configurationError(), configurationError()));
  }

  static String invalidElement(String name) {
    return "ossec-testrule(1230): ERROR: Invalid element in the configuration: '" + name + "'.";
  }

  private static String invalidValue(String name, String value) {
    return "ossec-testrule(1235): ERROR: Invalid value for element '" + name + "': " + value + ".";
  }

  private String configurationError() {
    return "ossec-testrule(1202): ERROR: Configuration error at '" + file + "'. Exiting.";
  }
}
