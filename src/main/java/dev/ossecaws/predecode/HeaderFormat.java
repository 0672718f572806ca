package dev.ossecaws.predecode;

/**
 * The timestamp headers pre-decoding recognises (spec/predecoding.md §4), in the order they are
 * tried. Only separator positions are tested; a header's digits and letters are never checked.
 */
public enum HeaderFormat {
  /** {@code Dec 29 10:00:01 } */
  SYSLOG(true) {
    @Override
    int skip(String m, int length) {
      return length >= 17 && at(m, 3, ' ') && at(m, 6, ' ') && at(m, 9, ':') && at(m, 12, ':')
              && at(m, 15, ' ')
          ? 16
          : NONE;
    }
  },
  /** {@code 2015-04-16 21:51:02,805 } */
  DATE_TIME_MILLIS(true) {
    @Override
    int skip(String m, int length) {
      return length >= 24 && at(m, 4, '-') && at(m, 7, '-') && at(m, 10, ' ') && at(m, 13, ':')
              && at(m, 16, ':') && at(m, 19, ',')
          ? 23
          : NONE;
    }
  },
  /** {@code 2007-06-14T15:48:55-04:00 } */
  ISO_8601(true) {
    @Override
    int skip(String m, int length) {
      return length >= 33 && isoDateTime(m) && at(m, 22, ':') && at(m, 25, ' ') ? 26 : NONE;
    }
  },
  /** {@code 2009-05-22T09:36:46.214994-07:00 }: 1 to 6 fraction digits. */
  ISO_8601_FRACTION(true) {
    @Override
    int skip(String m, int length) {
      if (length < 33 || !isoDateTime(m) || !(at(m, 19, '.') || at(m, 19, ','))) return NONE;
      for (int colon = 24; colon <= 29; colon++) {
        if (at(m, colon, ':')) return colon + 3;
      }
      return NONE;
    }
  },
  /** {@code 2015 Dec 29 10:00:01 } */
  YEAR_SYSLOG(true) {
    @Override
    int skip(String m, int length) {
      return length >= 21 && digit(m, 0) && at(m, 4, ' ') && at(m, 8, ' ') && at(m, 11, ' ')
              && at(m, 14, ':') && at(m, 17, ':') && at(m, 20, ' ')
          ? 21
          : NONE;
    }
  },
  /** {@code 2019:11:06-00:08:03 } */
  COLON_DATE(true) {
    @Override
    int skip(String m, int length) {
      return length >= 20 && digit(m, 0) && at(m, 4, ':') && at(m, 7, ':') && at(m, 10, '-')
              && at(m, 13, ':') && at(m, 16, ':')
          ? 20
          : NONE;
    }
  },
  /** xferlog: {@code Mon Apr 17 18:27:14 2006 1 ...}; the log keeps the space after the year. */
  XFERLOG(false) {
    @Override
    int skip(String m, int length) {
      return length >= 28 && at(m, 3, ' ') && at(m, 7, ' ') && at(m, 10, ' ') && at(m, 13, ':')
              && at(m, 16, ':') && at(m, 19, ' ') && at(m, 24, ' ') && at(m, 26, ' ')
          ? 24
          : NONE;
    }
  },
  /** snort: {@code 01/28-09:13:16.240702  [**] ...} */
  SNORT(false) {
    @Override
    int skip(String m, int length) {
      return length >= 24 && at(m, 2, '/') && at(m, 5, '-') && at(m, 8, ':') && at(m, 11, ':')
              && at(m, 14, '.') && at(m, 21, ' ')
          ? 23
          : NONE;
    }
  },
  /** suricata: {@code 01/28/1979-09:13:16.240702  [**] ...} */
  SURICATA(false) {
    @Override
    int skip(String m, int length) {
      return length >= 26 && at(m, 2, '/') && at(m, 5, '/') && at(m, 10, '-') && at(m, 13, ':')
              && at(m, 16, ':') && at(m, 19, '.') && at(m, 26, ' ')
          ? 28
          : NONE;
    }
  },
  /** Apache error log: {@code [Fri Feb 11 18:06:35 2004] [warn] ...} */
  APACHE(false) {
    @Override
    int skip(String m, int length) {
      return length >= 27 && at(m, 0, '[') && at(m, 4, ' ') && at(m, 8, ' ') && at(m, 11, ' ')
              && at(m, 14, ':') && at(m, 17, ':') && at(m, 20, ' ') && at(m, 25, ']')
          ? 27
          : NONE;
    }
  },
  /** Mac OS X ASL: {@code [Time 2006.12.28 15:53:55 UTC] [Facility auth] [Sender sshd] ...} */
  ASL(false) {
    @Override
    int skip(String m, int length) {
      return length >= 26 && at(m, 0, '[') && at(m, 1, 'T') && at(m, 5, ' ') && at(m, 10, '.')
              && at(m, 13, '.') && at(m, 16, ' ') && at(m, 19, ':')
          ? 25
          : NONE;
    }
  },
  /** squid: {@code 1140804070.368  11623 ...}; every space after the stamp is skipped too. */
  SQUID(false) {
    @Override
    int skip(String m, int length) {
      if (length < 32 || !at(m, 0, '1') || !digit(m, 1) || !digit(m, 2) || !digit(m, 3)
          || !digit(m, 13) || !at(m, 10, '.') || !at(m, 14, ' ')
          || !(at(m, 21, ' ') || at(m, 22, ' '))) {
        return NONE;
      }
      int skip = 14;
      while (skip < m.length() && m.charAt(skip) == ' ') skip++;
      return skip;
    }
  };

  private static final int NONE = -1;

  /** Whether a host name and program name follow the stamp (spec/predecoding.md §5). */
  final boolean syslogFamily;

  HeaderFormat(boolean syslogFamily) {
    this.syslogFamily = syslogFamily;
  }

  /** How many bytes of {@code m} the header takes, or -1; {@code length} is the original one. */
  abstract int skip(String m, int length);

  /** The header {@code text} starts with, or null; {@link #headerLength} says how long it is. */
  public static HeaderFormat of(String text) {
    String view = umlautRepaired(text);
    for (HeaderFormat format : values()) {
      if (format.skip(view, text.length()) != NONE) return format;
    }
    return null;
  }

  /** The number of bytes this header takes at the start of {@code text} (which must have it). */
  public int headerLength(String text) {
    return skip(umlautRepaired(text), text.length());
  }

  /**
   * German {@code Mär} is two bytes longer in UTF-8 than a month should be; the tests run on a view
   * that reads {@code Ma} instead, the skip then lands one byte early, on the space before the
   * host, which the one-space rule takes away.
   */
  private static String umlautRepaired(String text) {
    if (text.length() >= 3 && text.charAt(1) == 0xC3 && text.charAt(2) == 0xA4) {
      return "Ma" + text.substring(3);
    }
    return text;
  }

  private static boolean isoDateTime(String m) {
    return at(m, 4, '-') && at(m, 7, '-') && at(m, 10, 'T') && at(m, 13, ':') && at(m, 16, ':');
  }

  private static boolean at(String m, int index, char c) {
    return index < m.length() && m.charAt(index) == c;
  }

  private static boolean digit(String m, int index) {
    return index < m.length() && m.charAt(index) >= '0' && m.charAt(index) <= '9';
  }
}
