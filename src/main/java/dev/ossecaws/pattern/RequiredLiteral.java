package dev.ossecaws.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs of literal characters one of which every match contains, in PCRE2's caseless sense: for
 * each top-level alternative, its longest run. A subject without any of them in any ASCII case
 * cannot match, and is refused by an {@code indexOf} per alternative on the subject's lower-case
 * copy instead of a search that tries every start position. On long lines
 * that most patterns cannot match (a CloudTrail record against OSSEC's syslog decoders), this
 * refusal is most of what matching costs.
 *
 * <p>Only top-level literals count: none inside a group, and none at all if one top-level
 * alternative has none. A literal made optional by a quantifier is left out and ends the run; one
 * repeated by a mandatory quantifier ends it too ({@code ab+c} holds {@code ab}, not {@code abc}).
 * Any other item (a class, an escape such as {@code \d}, an anchor, a group) ends the run.
 *
 * <p>When every alternative also <em>starts</em> with a literal run, a match can only start where
 * one of those runs occurs: the search jumps from one such place to the next ({@link
 * JavaRegex}) instead of letting the regex try every position in between.
 */
final class RequiredLiteral {
  private final boolean utf;
  private final StringBuilder run = new StringBuilder();
  private String longest = "";
  /** The longest runs of the alternatives before the current one. */
  private final List<String> alternatives = new ArrayList<>();
  private boolean someAlternativeHasNone;
  /** The leading runs of the alternatives before the current one. */
  private final List<String> leadingRuns = new ArrayList<>();
  private boolean someAlternativeHasNoLeadingRun;
  /** Items seen in the current alternative; whether the current run began with its first item. */
  private int items;
  private boolean runIsLeading;
  private boolean alternativeAnchored;
  private boolean someAlternativeUnanchored;
  private String leading = "";
  /** The current item's character while it is a usable literal, or -1. */
  private int pending = -1;

  RequiredLiteral(boolean utf) {
    this.utf = utf;
  }

  /** A new item starts: the previous one is settled. */
  void other() {
    settle();
    items++;
  }

  /** The current item is the literal {@code codePoint}; {@code topLevel} if outside every group. */
  void literal(int codePoint, boolean topLevel) {
    // With UTF, PCRE2's caseless k and s also match the Kelvin sign and the long s.
    boolean usable = topLevel && codePoint >= ' ' && codePoint < 0x7F && !(utf && "kKsS".indexOf(codePoint) >= 0);
    if (pending >= 0) run.append((char) pending); // \Q..\E gives several literals in one item
    if (!usable) endRun();
    if (usable && items <= 1 && run.length() == 0) runIsLeading = true;
    pending = usable ? Character.toLowerCase(codePoint) : -1;
  }

  /** A quantifier follows the current item; {@code optional} if it allows none. */
  void quantifier(boolean optional) {
    if (pending >= 0 && !optional) run.append((char) pending);
    pending = -1;
    endRun();
  }

  /** A top-level {@code ^}: it anchors the alternative when it is its first item. */
  void caret() {
    if (items == 1) alternativeAnchored = true;
  }

  void topLevelAlternative() {
    endAlternative();
  }

  /**
   * What is known of every match of the pattern translated as {@code java}: {@code leading} is
   * null when {@code \\G} moves with the search; {@code anchored} when every top-level
   * alternative starts with {@code ^}.
   */
  Literals result(String java) {
    endAlternative();
    Needle[] required = someAlternativeHasNone ? null : needles(alternatives);
    Needle[] leads = someAlternativeHasNoLeadingRun || java.contains("\\G") ? null : needles(leadingRuns);
    return new Literals(required, leads, !someAlternativeUnanchored);
  }

  /**
   * @param required lower-case texts one of which every match contains, or null
   * @param leading lower-case texts one of which every match starts with, or null
   * @param anchored whether a match can only start where the search starts
   */
  record Literals(Needle[] required, Needle[] leading, boolean anchored) {}

  private static Needle[] needles(List<String> texts) {
    return texts.stream().map(Needle::new).toArray(Needle[]::new);
  }

  private void endAlternative() {
    settle();
    endRun();
    if (longest.isBlank()) someAlternativeHasNone = true;
    else alternatives.add(longest);
    if (leading.isEmpty()) someAlternativeHasNoLeadingRun = true;
    else leadingRuns.add(leading);
    if (!alternativeAnchored) someAlternativeUnanchored = true;
    longest = "";
    leading = "";
    items = 0;
    alternativeAnchored = false;
  }

  private void settle() {
    if (pending >= 0) run.append((char) pending);
    else endRun();
    pending = -1;
  }

  private void endRun() {
    if (runIsLeading && run.length() > 0) leading = run.toString();
    runIsLeading = false;
    if (run.length() > longest.length()) longest = run.toString();
    run.setLength(0);
  }

  /** Whether {@code subject} from {@code from} on holds one of {@code lowerCase} in some ASCII case. */
  static boolean isIn(String subject, int from, Needle[] lowerCase) {
    if (lowerCase == null) return true;
    for (int i = 0; i < lowerCase.length; i++) { // no iterator: this runs for every pattern of every event
      if (SubjectCache.indexOf(subject, lowerCase[i], from) >= 0) return true;
    }
    return false;
  }
}
