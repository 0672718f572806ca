package dev.ossecaws.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * ossec-logtest's command line as glibc's getopt reads it (spec/logtest-output.md §1): optstring
 * {@code VatvdhU:D:c:q}, options in order, non-options skipped, {@code --} ends the options. Our
 * long options are read as picocli reads them. Only where the reading stops matters: {@code -V}
 * and {@code -h} end it at once, so whatever follows them is never looked at.
 */
final class OssecGetopt {
  private static final String FLAGS = "Vatvdhq";
  private static final String WITH_ARGUMENT = "UDc";

  private OssecGetopt() {}

  /** Why the reading stopped; {@code detail} is the option letter, or our message for a long option. */
  record Stop(Reason reason, String detail) {}

  enum Reason {
    VERSION,
    HELP,
    INVALID_OPTION,
    MISSING_ARGUMENT,
    BAD_LONG_OPTION
  }

  /** The first option that ends the reading of {@code args}, or null if it reads them all. */
  static Stop firstStop(List<String> args, CommandSpec command) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) return null;
      if (arg.startsWith("--")) {
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg : arg.substring(0, equals);
        OptionSpec option = command.findOption(name);
        if (option == null) return new Stop(Reason.BAD_LONG_OPTION, unknown(name, command));
        boolean takesValue = option.arity().max() > 0;
        if (!takesValue && equals >= 0) {
          return new Stop(Reason.BAD_LONG_OPTION, "option '" + name + "' takes no value");
        }
        if (takesValue && equals < 0 && ++i == args.size()) {
          return new Stop(Reason.BAD_LONG_OPTION,
              "option '" + name + "' needs " + option.paramLabel() + ": " + option.description()[0]);
        }
      } else if (arg.startsWith("-") && arg.length() > 1) {
        for (int j = 1; j < arg.length(); j++) {
          char letter = arg.charAt(j);
          if (letter == 'V') return new Stop(Reason.VERSION, "V");
          if (letter == 'h') return new Stop(Reason.HELP, "h");
          if (WITH_ARGUMENT.indexOf(letter) >= 0) {
            if (j + 1 == arg.length() && ++i == args.size()) {
              return new Stop(Reason.MISSING_ARGUMENT, String.valueOf(letter));
            }
            break;
          }
          if (FLAGS.indexOf(letter) < 0) return new Stop(Reason.INVALID_OPTION, String.valueOf(letter));
        }
      }
    }
    return null;
  }

  private static String unknown(String name, CommandSpec command) {
    StringBuilder expected = new StringBuilder();
    for (OptionSpec option : command.options()) {
      if (!option.longestName().startsWith("--")) continue;
      expected.append(expected.length() == 0 ? "" : ", ").append(option.longestName());
      if (option.arity().max() > 0) expected.append(' ').append(option.paramLabel());
    }
    return "unknown option '" + name + "': expected " + expected + " or ossec-logtest's -" + FLAGS + WITH_ARGUMENT;
  }
}
