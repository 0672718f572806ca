package dev.ossecaws.rule;

/** One position of a rule in the frozen rule tree, with its children in evaluation order. */
final class Node {
  final Rule rule;
  final Node[] children;

  Node(Rule rule, Node[] children) {
    this.rule = rule;
    this.children = children;
  }
}
