/**
 * {@code ossec-aws replay} as an Apache Spark job: the driver lists the CloudTrail files of any
 * Hadoop path and orders them as replay does ({@link dev.ossecaws.replay.TrailFiles}); executors
 * read them, the records are shuffled by replay's {@link dev.ossecaws.replay.Partition} (account
 * and region) and sorted into replay's order, and each partition goes through one {@link
 * dev.ossecaws.replay.PartitionReplay} session. The alerts are replay's {@link
 * dev.ossecaws.replay.AlertLine}s. Spark is provided by the cluster; the engine never depends on
 * this package.
 */
package dev.ossecaws.spark;
