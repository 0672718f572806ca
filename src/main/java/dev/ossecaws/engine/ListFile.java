package dev.ossecaws.engine;

import java.nio.file.Path;

/**
 * A CDB list of the manager's configuration (spec/xml.md §5.4, rules.md lists).
 *
 * @param configured the name as written in ossec.conf
 * @param name the resolved name ({@code rules/<x>} without {@code .cdb}) by which rules refer to it
 * @param textFile the list's text file ({@code key:value} lines)
 * @param cdbFile the compiled database, {@code textFile} plus {@code .cdb}
 */
public record ListFile(String configured, String name, Path textFile, Path cdbFile) {}
