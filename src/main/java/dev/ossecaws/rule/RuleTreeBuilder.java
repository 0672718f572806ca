package dev.ossecaws.rule;

import dev.ossecaws.pattern.OsPattern;
import dev.ossecaws.pattern.PatternException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Places rules in the tree as they are loaded (spec/rules.md §3.3–3.5) and wires correlation
 * targets (§3.4); {@link #build} freezes the result into a {@link RuleSet}.
 */
final class RuleTreeBuilder {
  /** A rule's data, shared by all of its positions; an overwrite replaces it in place. */
  private static final class Slot {
    Rule rule;
    boolean firedList;
    int sidSearch = -1;
    final List<Integer> feeds = new ArrayList<>();
  }

  private static final class Position {
    final Slot slot;
    /** The internal level at insertion: overwrites never re-sort (spec/rules.md §3.2). */
    final int sortKey;
    final List<Position> children = new ArrayList<>();

    Position(Slot slot) {
      this.slot = slot;
      this.sortKey = slot.rule.internalLevel();
    }
  }

  private final List<Position> top = new ArrayList<>();
  private final List<Slot> slots = new ArrayList<>();
  private final Map<Integer, Slot> byId = new HashMap<>();
  /** Every position of each rule id, so that most if_sid lookups need no walk of the tree. */
  private final Map<Integer, List<Position>> positionsById = new HashMap<>();
  private final Consumer<String> log;

  RuleTreeBuilder(Consumer<String> log) {
    this.log = log;
  }

  void add(RuleDraft draft) throws RuleException {
    Rule.Builder rule = draft.rule;
    Slot existing = byId.get(rule.id);
    if (draft.overwrite && rule.id >= 10) {
      if (existing == null) throw error(draft, "ossec-analysisd: Overwrite rule '" + rule.id + "' not found.");
      existing.rule = existing.rule.overwrittenBy(rule.build());
      return;
    }
    if (existing != null && !draft.overwrite) {
      throw error(draft, "ossec-analysisd: Duplicate rule ID:" + rule.id);
    }
    Slot slot = new Slot();
    rule.index = slots.size();
    if (rule.id < 10) {
      slot.rule = rule.build();
      register(slot, draft);
      insert(top, position(slot));
      return;
    }
    List<Position> parents = parents(draft);
    slot.rule = rule.build();
    register(slot, draft);
    wireCorrelation(slot, draft);
    for (Position parent : parents) insert(parent.children, position(slot));
  }

  private Position position(Slot slot) {
    Position position = new Position(slot);
    positionsById.computeIfAbsent(slot.rule.id(), id -> new ArrayList<>(1)).add(position);
    return position;
  }

  private void register(Slot slot, RuleDraft draft) {
    slots.add(slot);
    if (!draft.overwrite) byId.put(draft.rule.id, slot);
  }

  /** The positions to attach the rule under; may change its category (if_sid inherits). */
  private List<Position> parents(RuleDraft draft) throws RuleException {
    Rule.Builder rule = draft.rule;
    List<Position> parents = new ArrayList<>();
    if (draft.ifSid != null) {
      for (int sid : sids(draft)) {
        if (sid == 0) {
          Position template = firstOfCategory(rule.category);
          if (template != null) parents.add(template);
          continue;
        }
        int before = parents.size();
        attachBySid(sid, parents);
        if (parents.size() == before) {
          throw error(draft, "rules_list: Signature ID '" + sid + "' not found. Invalid 'if_sid'.");
        }
        rule.category = parents.get(parents.size() - 1).slot.rule.category;
      }
    } else if (draft.ifLevel != null) {
      int level = draft.ifLevel * 100;
      if (level == 0) {
        log.accept("ossec-analysisd: Invalid level (atoi)");
        return parents;
      }
      for (Position position : preorder()) {
        if (position.slot.rule.internalLevel() >= level) parents.add(position);
      }
      if (parents.isEmpty()) {
        throw error(draft, "rules_list: Level ID '" + level + "' not found. Invalid 'if_level'.");
      }
    } else if (draft.ifGroup != null) {
      for (Position position : preorder()) {
        if (OsPattern.wordMatch(draft.ifGroup, position.slot.rule.groups())) parents.add(position);
      }
      if (parents.isEmpty()) {
        throw error(draft, "rules_list: Group '" + draft.ifGroup + "' not found. Invalid 'if_group'.");
      }
    } else {
      Position template = firstOfCategory(rule.category);
      if (template == null) {
        throw error(draft, "rules_list: Category '" + rule.category.code + "' not found. Invalid 'category'.");
      }
      parents.add(template);
    }
    return parents;
  }

  /**
   * The ids of an {@code <if_sid>}: runs of digits between separators ({@code ,} or space); an
   * empty text or one ending with a separator reads a final id 0 (spec/rules.md §3.3 quirk).
   */
  private static List<Integer> sids(RuleDraft draft) throws RuleException {
    String text = draft.ifSid;
    List<Integer> sids = new ArrayList<>();
    int value = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        value = value < 0 ? c - '0' : (int) Math.min(Integer.MAX_VALUE, value * 10L + (c - '0'));
      } else if (c == ',' || c == ' ') {
        if (value >= 0) sids.add(value);
        value = -1;
      } else {
        throw new RuleException(draft.where(), List.of("rules_list: Signature ID must be an integer. Exiting..."));
      }
    }
    sids.add(value >= 0 ? value : 0);
    return sids;
  }

  /**
   * The positions {@link #attachBySid(List, int, List)} finds. A rule with one position is always
   * found there (only a position of the same id stops a scan), so only rules that sit under several
   * parents need the walk; on OSSEC's default rules that spares nearly every walk of the tree.
   */
  private void attachBySid(int sid, List<Position> found) {
    List<Position> positions = positionsById.get(sid);
    if (positions == null) return;
    if (positions.size() == 1) {
      found.add(positions.get(0));
    } else {
      attachBySid(top, sid, found);
    }
  }

  /**
   * Pre-order search: in each sibling list the first position of {@code sid} takes the rule and
   * ends that list's scan; other branches are still searched, except after a top-level find.
   */
  private static void attachBySid(List<Position> siblings, int sid, List<Position> found) {
    for (Position position : siblings) {
      if (position.slot.rule.id() == sid) {
        found.add(position);
        return;
      }
      attachBySid(position.children, sid, found);
    }
  }

  private Position firstOfCategory(Category category) {
    for (Position position : top) {
      if (position.slot.rule.category == category) return position;
    }
    return null;
  }

  private List<Position> preorder() {
    List<Position> all = new ArrayList<>();
    collect(top, all);
    return all;
  }

  private static void collect(List<Position> siblings, List<Position> all) {
    for (Position position : siblings) {
      all.add(position);
      collect(position.children, all);
    }
  }

  /** After every sibling whose sort key is at least the new one's: stable, descending. */
  private static void insert(List<Position> siblings, Position position) {
    int at = 0;
    while (at < siblings.size() && siblings.get(at).sortKey >= position.sortKey) at++;
    siblings.add(at, position);
  }

  private void wireCorrelation(Slot slot, RuleDraft draft) throws RuleException {
    Correlation correlation = slot.rule.correlation;
    if (correlation == null) return;
    if (correlation.source == Correlation.Source.SID) {
      Slot target = byId.get(correlation.sid);
      if (target != null) {
        target.firedList = true;
        slot.sidSearch = slots.indexOf(target);
      }
    } else if (correlation.source == Correlation.Source.GROUP) {
      OsPattern group;
      try {
        group = OsPattern.match(correlation.group);
      } catch (PatternException e) {
        throw error(draft, "ossec-analysisd(1450): ERROR: Syntax error on regex: '" + correlation.group + "': "
            + e.code() + ".");
      }
      for (Position position : preorder()) {
        if (group.matches(position.slot.rule.groups())) {
          position.slot.feeds.add(slot.rule.index);
        }
      }
    }
  }

  private static RuleException error(RuleDraft draft, String line) {
    return new RuleException(draft.where(), List.of(line));
  }

  RuleSet build(RuleSettings settings) {
    Node[] topNodes = freeze(top);
    int count = slots.size();
    Rule[] rules = new Rule[count];
    boolean[] firedLists = new boolean[count];
    int[] sidSearch = new int[count];
    int[][] feeds = new int[count][];
    for (int i = 0; i < count; i++) {
      Slot slot = slots.get(i);
      rules[i] = slot.rule;
      firedLists[i] = slot.firedList;
      sidSearch[i] = slot.sidSearch;
      feeds[i] = slot.feeds.stream().mapToInt(Integer::intValue).toArray();
    }
    return new RuleSet(topNodes, rules, firedLists, sidSearch, feeds, settings);
  }

  private static Node[] freeze(List<Position> positions) {
    Node[] nodes = new Node[positions.size()];
    for (int i = 0; i < nodes.length; i++) {
      Position position = positions.get(i);
      nodes[i] = new Node(position.slot.rule, freeze(position.children));
    }
    return nodes;
  }
}
