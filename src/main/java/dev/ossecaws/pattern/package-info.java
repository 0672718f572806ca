/** OSSEC 4.3.0's pattern languages (spec/regex.md): regex, match, word match and pcre2, each a small immutable matcher. */
package dev.ossecaws.pattern;
