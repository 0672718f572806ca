package dev.ossecaws.rule;

import dev.ossecaws.event.DecoderInfo.FtsField;
import dev.ossecaws.event.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one ossec-logtest session remembers from line to line (spec/rules.md §7.4): ignore timers,
 * fired-event and group lists, the global event list, the FTS store and check_diff's last entries.
 * Starts empty; confined to one thread.
 */
public final class RuleSession {
  private static final int FTS_KEY_MAX = 255;
  private static final int DIFF_MAX = 8192;

  private static final String NO_OLDEST_NODE = "ossec-testrule: No Oldest node to delete";

  private final RuleSet rules;
  private final Consumer<String> messages;
  private final Consumer<String> trailingMessages;
  final long[] ignoreStart;
  private final ArrayDeque<Event>[] firedEvents;
  private final ArrayDeque<Event>[] groupEvents;
  final ArrayDeque<Event> global = new ArrayDeque<>();
  /**
   * The index of the rule each event of {@link #global} fired: a ring, oldest first from
   * {@code globalOldest}, grown as needed (memory_size may be large).
   */
  private int[] globalRules = new int[64];
  private int globalOldest;
  private final Set<String> fts = new HashSet<>();
  private final ArrayDeque<String> recentIdsKeys = new ArrayDeque<>();
  private final Map<String, String> diffs = new HashMap<>();
  /** Lines the current event's alert appends: correlation samples or check_diff output. */
  List<String> previousLogs = List.of();

  @SuppressWarnings("unchecked")
  RuleSession(RuleSet rules, Consumer<String> messages, Consumer<String> trailingMessages) {
    this.rules = rules;
    this.messages = messages;
    this.trailingMessages = trailingMessages;
    this.ignoreStart = new long[rules.size()];
    this.firedEvents = new ArrayDeque[rules.size()];
    this.groupEvents = new ArrayDeque[rules.size()];
  }

  /** A run-time message (spec/logtest-output.md §10) of the rule search, without its timestamp. */
  void message(String line) {
    messages.accept(line);
  }

  /** The events that fired rule {@code index}, an {@code if_matched_sid} target; newest first. */
  ArrayDeque<Event> fired(int index) {
    return list(firedEvents, index);
  }

  /** The events fed to the group list of the {@code if_matched_group} rule {@code index}. */
  ArrayDeque<Event> grouped(int index) {
    return list(groupEvents, index);
  }

  private static ArrayDeque<Event> list(ArrayDeque<Event>[] lists, int index) {
    ArrayDeque<Event> list = lists[index];
    if (list == null) lists[index] = list = new ArrayDeque<>();
    return list;
  }

  /** Remembers {@code event} as the newest of {@code list}, dropping the oldest beyond {@code max}. */
  static void remember(ArrayDeque<Event> list, Event event, int max) {
    list.addFirst(event);
    if (list.size() > max) list.removeLast();
  }

  /**
   * Adds an event that fired rule {@code rule} to the global list, evicting as OSSEC does on
   * overflow (spec/rules.md §7.3); an evicted event leaves the other lists too ({@link #forget}).
   */
  void rememberGlobally(Event event, int rule, long now) {
    int size = global.size();
    if (size == globalRules.length) {
      int[] grown = new int[size * 2];
      for (int i = 0; i < size; i++) grown[i] = globalRules[(globalOldest + i) % size];
      globalRules = grown;
      globalOldest = 0;
    }
    globalRules[(globalOldest + size) % globalRules.length] = rule;
    global.addFirst(event);
    if (global.size() <= rules.settings().memorySize()) return;
    for (int evicted = 0; !global.isEmpty(); evicted++) {
      if (evicted >= 10 && now - global.peekLast().epochSecond() <= rules.maxFrequency()) break;
      int evictedRule = globalRules[globalOldest];
      globalOldest = (globalOldest + 1) % globalRules.length;
      forget(global.removeLast(), evictedRule);
    }
  }

  /**
   * What the real binary does to the other lists when an event that fired {@code rule} leaves the
   * global list. An event still among the last {@code sid_prev_matched_max} of an if_matched_sid
   * target leaves that list (it is its oldest). Any other event deletes the oldest entry of every
   * group list its rule feeds, once per registration, whether that entry is its own or not: an
   * if_matched_sid target's events were never in them, and an event whose entry some other
   * eviction took takes the next one. An empty list gets {@value #NO_OLDEST_NODE} instead. So
   * group lists lose entries early and correlation counts fewer events than spec/rules.md §7.3
   * says. All lists keep arrival order, so the oldest entry is the evicted event's own when it
   * still has one.
   */
  private void forget(Event event, int rule) {
    if (rules.keepsFired(rule)) {
      ArrayDeque<Event> fired = firedEvents[rule];
      if (fired.peekLast() == event) {
        fired.removeLast();
        return;
      }
    }
    for (int owner : rules.feeds(rule)) {
      ArrayDeque<Event> list = groupEvents[owner];
      if (list == null || list.isEmpty()) {
        trailingMessages.accept(NO_OLDEST_NODE);
      } else {
        list.removeLast();
      }
    }
  }

  /** {@code <if_fts/>}: true the first time this event's key is seen (spec/rules.md §9). */
  boolean firstTimeSeen(Event event) {
    Set<FtsField> flags = event.decoder.fts();
    if (flags.isEmpty()) return false;
    String key = event.decoder.name()
        + " " + (flags.contains(FtsField.ID) ? String.valueOf(event.id) : "")
        + " " + (flags.contains(FtsField.DSTUSER) ? String.valueOf(event.dstuser) : "")
        + " "
        + " " + (flags.contains(FtsField.SRCIP) ? String.valueOf(event.srcip) : "")
        + " " + (flags.contains(FtsField.DSTIP) ? String.valueOf(event.dstip) : "")
        + " " + (flags.contains(FtsField.DATA) ? String.valueOf(event.data) : "")
        + " " + (flags.contains(FtsField.SYSTEM_NAME) ? String.valueOf(event.systemName) : "")
        + " " + (flags.contains(FtsField.LOCATION) ? String.valueOf(event.location) : "");
    if (key.length() > FTS_KEY_MAX) key = key.substring(0, FTS_KEY_MAX);
    // As the real binary shows: a key known whole is seen, whatever an IDS cut would make of it;
    // an unknown IDS key joins the recent list as it is stored, cut or not.
    if (fts.contains(key)) return false;
    if (event.type.equals("ids")) {
      key = generalised(key);
      recentIdsKeys.addFirst(key);
      if (recentIdsKeys.size() > rules.settings().ftsListSize()) recentIdsKeys.removeLast();
    }
    return fts.add(key);
  }

  /**
   * An IDS key that shares a prefix longer than the minimum with more than two of the recent keys
   * (as they were stored) is cut to the minimum, so that one noisy signature counts as seen once.
   */
  private String generalised(String key) {
    int minimum = rules.settings().ftsMinSizeForStr();
    int similar = 0;
    for (String recent : recentIdsKeys) {
      if (commonPrefix(recent, key) > minimum) similar++;
    }
    return similar > 2 ? key.substring(0, Math.min(minimum, key.length())) : key;
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) i++;
    return i;
  }

  /**
   * {@code <check_diff/>}: true when the log differs from the one last stored for this rule and
   * host; the first log stored is not a change (spec/rules.md §9). Kept in memory for the session.
   */
  boolean diffChanged(int ruleId, Event event) {
    if (event.log.length() >= DIFF_MAX) {
      message("ossec-analysisd: ERROR: event size (" + event.log.length() + ") too long for diff.");
      return false;
    }
    String previous = diffs.put(diffHost(event.hostname) + "/" + ruleId, event.log);
    if (previous == null || previous.equals(event.log)) return false;
    previousLogs = new ArrayList<>(List.of("Previous output:", previous));
    return true;
  }

  private static String diffHost(String hostname) {
    if (hostname.startsWith("(")) {
      int close = hostname.indexOf(')');
      if (close > 0) return hostname.substring(1, close);
    }
    return hostname;
  }
}
