/** Phase 3 (spec/rules.md): the rule tree, its conditions, correlation state and CDB lists. */
package dev.ossecaws.rule;
