/** The ossec-aws command line; the only package that prints or exits. */
package dev.ossecaws.cli;
