package dev.ossecaws.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OSSEC 4.x manager's home directory, checked to be one, and the only way the installer turns a
 * relative name into a path: every path it hands out lies inside the home, through symlinks too.
 */
public final class ManagerHome {
  static final Path DEFAULT_HOME = Path.of("/var/ossec");
  static final String CONF = "etc/ossec.conf";
  private static final Pattern INIT_LINE = Pattern.compile("^([A-Z_]+)=\"?([^\"]*)\"?\\s*$");
  private static final Pattern SAFE_NAME = Pattern.compile("(?!\\.\\.?$)[A-Za-z0-9._+-]+");

  private final Path home;
  private final String version;

  private ManagerHome(Path home, String version) {
    this.home = home;
    this.version = version;
  }

  /**
   * The manager named by {@code explicit}, else by the DIRECTORY of {@code initConf} (OSSEC's
   * {@code /etc/ossec-init.conf}), else {@code /var/ossec}; refused unless it is a 4.x manager.
   */
  public static ManagerHome locate(Optional<Path> explicit, Path initConf)
      throws InstallRefusedException {
    Map<String, String> init = readInitConf(initConf);
    Path chosen =
        explicit.orElseGet(() -> init.containsKey("DIRECTORY") ? Path.of(init.get("DIRECTORY")) : DEFAULT_HOME);
    if (!Files.isDirectory(chosen)) {
      throw new InstallRefusedException("not an OSSEC manager home: " + chosen + " is not a directory");
    }
    Path real;
    try {
      real = chosen.toRealPath();
    } catch (IOException e) {
      throw new InstallRefusedException("not an OSSEC manager home: " + chosen + ": " + e.getMessage());
    }
    boolean initDescribesHome = init.containsKey("DIRECTORY") && sameFile(Path.of(init.get("DIRECTORY")), real);
    String version = initDescribesHome ? init.getOrDefault("VERSION", "") : "";
    if (initDescribesHome && "agent".equals(init.get("TYPE"))) {
      throw new InstallRefusedException(
          "not an OSSEC manager home: " + initConf + " says " + real + " is an agent (TYPE=\"agent\")");
    }
    if (!version.isEmpty() && !version.matches("v?4\\..*")) {
      throw new InstallRefusedException(
          "not an OSSEC 4.x manager home: " + initConf + " says VERSION=\"" + version + "\"");
    }
    ManagerHome manager = new ManagerHome(real, version);
    manager.requireManagerLayout();
    return manager;
  }

  /** The home's real path. */
  public Path path() {
    return home;
  }

  /** OSSEC's version as its init file states it, or empty when unknown. */
  public String version() {
    return version;
  }

  /**
   * {@code relative} (slash-separated names) resolved inside the home. Refuses names that are
   * not plain file names and symlinks (anywhere on the way) that lead out of the home; a symlink
   * that stays inside resolves to its target, so writes replace the file, not the link.
   */
  Path resolve(String relative) throws InstallRefusedException {
    Path path = home;
    for (String name : relative.split("/", -1)) {
      if (!SAFE_NAME.matcher(name).matches()) {
        throw new InstallRefusedException("refusing unsafe file name '" + name + "' in '" + relative + "'");
      }
      path = path.resolve(name);
      if (Files.isSymbolicLink(path)) {
        Path target;
        try {
          target = path.toRealPath();
        } catch (IOException e) {
          throw new InstallRefusedException("refusing dangling symlink " + path);
        }
        if (!target.startsWith(home)) {
          throw new InstallRefusedException(
              "refusing " + path + ": a symlink leading outside the manager home, to " + target);
        }
        path = target;
      }
    }
    return path;
  }

  /** {@code path} named relative to the home, as in messages. */
  String relative(Path path) {
    return home.relativize(path).toString();
  }

  private void requireManagerLayout() throws InstallRefusedException {
    Path conf = resolve(CONF);
    if (!Files.exists(conf, LinkOption.NOFOLLOW_LINKS)) {
      throw new InstallRefusedException("not an OSSEC manager home: " + conf + " is missing");
    }
    if (!Files.isRegularFile(conf) || !Files.isReadable(conf)) {
      throw new InstallRefusedException("not an OSSEC manager home: " + conf + " is not a readable file");
    }
    if (!Files.isDirectory(resolve("rules"))) {
      throw new InstallRefusedException(
          "not an OSSEC manager home: " + home + " has no rules/ directory (an agent install?)");
    }
  }

  private static Map<String, String> readInitConf(Path initConf) throws InstallRefusedException {
    Map<String, String> values = new LinkedHashMap<>();
    if (!Files.isRegularFile(initConf)) return values;
    try {
      for (String line : Files.readAllLines(initConf, StandardCharsets.ISO_8859_1)) {
        Matcher m = INIT_LINE.matcher(line);
        if (m.matches()) values.put(m.group(1), m.group(2));
      }
    } catch (IOException e) {
      throw new InstallRefusedException("cannot read " + initConf + ": " + e.getMessage());
    }
    return values;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return home + (version.isEmpty() ? "" : " (OSSEC " + version + ")");
  }
}
