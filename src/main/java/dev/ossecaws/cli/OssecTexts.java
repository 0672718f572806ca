package dev.ossecaws.cli;

/** ossec-logtest's fixed texts (spec/logtest-output.md §8), byte for byte. */
final class OssecTexts {
  /** The version of the 4.3.0 snapshot still says v4.2.0. */
  static final String VERSION =
      " \n"
          + "OSSEC HIDS v4.2.0 - OSSEC Foundation\n"
          + " \n"
          + "This program is free software; you can redistribute it and/or modify\n"
          + "it under the terms of the GNU General Public License (version 2) as \n"
          + "published by the Free Software Foundation. For more details, go to \n"
          + "http://www.ossec.net/main/license/\n"
          + "\n";

  static final String HELP =
      " \n"
          + "OSSEC HIDS v4.2.0 - OSSEC Foundation (contact@ossec.net)\n"
          + "https://www.ossec.net\n"
          + "  ossec-testrule: -[Vhdtva] [-c config] [-D dir] [-U rule:alert:decoder]\n"
          + "    -V          Version and license message\n"
          + "    -h          This help message\n"
          + "    -d          Execute in debug mode. This parameter\n"
          + "                can be specified multiple times\n"
          + "                to increase the debug level.\n"
          + "    -t          Test configuration\n"
          + "    -a          Alerts output\n"
          + "    -v          Verbose (full) output/rule debugging\n"
          + "    -c <config> Configuration file to use (default: /var/ossec/etc/ossec.conf)\n"
          + "    -D <dir>    Directory to chroot into (default: /var/ossec)\n"
          + "    -U <rule:alert:decoder>  Unit test. Refer to contrib/ossec-testing/runtests.py\n"
          + " \n";

  private OssecTexts() {}
}
