/** Installs the ruleset onto an OSSEC manager, verifies it there and takes it back off. */
package dev.ossecaws.install;
