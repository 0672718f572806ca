package dev.ossecaws.engine;

import java.nio.file.Path;

/**
 * A decoder or rules file of the manager's configuration.
 *
 * @param configured the name as written in ossec.conf ({@code sshd_rules.xml}), which OSSEC's
 *     {@code Error loading the rules} message quotes
 * @param ossecPath the path OSSEC opens, relative to its home ({@code rules//sshd_rules.xml},
 *     {@code etc/decoder.xml}), which its {@code Reading decoder file} and XML error messages quote
 * @param path where the file is under the home directory given
 */
public record RulesetFile(String configured, String ossecPath, Path path) {}
