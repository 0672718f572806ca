/** Static checks of the project's ruleset. */
package dev.ossecaws.lint;
