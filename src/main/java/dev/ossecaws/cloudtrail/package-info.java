/** CloudTrail records as OSSEC-ready lines, and the crash-safe S3 fetchers (by listing, or as SQS-fed workers) that write them. */
package dev.ossecaws.cloudtrail;
