/**
 * CloudTrail log file integrity: the signed hourly digest files checked as AWS documents them
 * (signature, chain, each listed log file's SHA-256), for {@code cloudtrail verify} and {@code fetch --verify}.
 */
package dev.ossecaws.integrity;
