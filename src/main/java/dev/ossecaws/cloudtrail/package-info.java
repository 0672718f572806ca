/** CloudTrail records as OSSEC-ready lines, and the crash-safe S3 fetcher that writes them. */
package dev.ossecaws.cloudtrail;
