/**
 * Replays CloudTrail history through a loaded ruleset: records in order, one engine session per
 * partition, each session timed by its records' eventTime, and the alerts as JSON lines. The core
 * ({@link dev.ossecaws.replay.ReplayRecord}, {@link dev.ossecaws.replay.Partition}, {@link
 * dev.ossecaws.replay.PartitionReplay}, {@link dev.ossecaws.replay.AlertLine}) touches no file and
 * no command line, so a Spark job runs it on its own partitions; the rest reads local files and S3,
 * runs partitions on threads and compares two rulesets. Depends on the engine, never the reverse.
 */
package dev.ossecaws.replay;
