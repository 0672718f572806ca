#!/usr/bin/env python3
"""Writes N CloudTrail records as gzipped log files in an AWSLogs/ tree, for the replay benchmark.

The records are the sample cases' (samples/**/*.json), in turn, each with a fresh eventID, one of
ACCOUNTS accounts and REGIONS regions, and an eventTime that moves forward file by file, as
CloudTrail writes them: one file per account, region and five minutes, RECORDS_PER_FILE records.

usage: generate.py N OUT_DIR
"""
import glob
import gzip
import json
import os
import sys
import uuid
from datetime import datetime, timedelta, timezone

ACCOUNTS = [f"{100000000000 + i * 7919:012d}" for i in range(40)]
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"]
RECORDS_PER_FILE = 500
START = datetime(2026, 1, 1, tzinfo=timezone.utc)


def samples():
    records = []
    for path in sorted(glob.glob("samples/**/*.json", recursive=True)):
        with open(path) as f:
            records.extend(event["record"] for event in json.load(f)["events"])
    return records


def main():
    total, out = int(sys.argv[1]), sys.argv[2]
    records = samples()
    written = 0
    slot = 0
    while written < total:
        account = ACCOUNTS[slot % len(ACCOUNTS)]
        region = REGIONS[(slot // len(ACCOUNTS)) % len(REGIONS)]
        time = START + timedelta(minutes=5 * (slot // (len(ACCOUNTS) * len(REGIONS))))
        batch = []
        for i in range(min(RECORDS_PER_FILE, total - written)):
            record = dict(records[(written + i) % len(records)])  # only top-level keys change
            record["eventID"] = str(uuid.UUID(int=written + i))
            record["recipientAccountId"] = account
            record["awsRegion"] = region
            record["eventTime"] = (time + timedelta(milliseconds=600 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
            batch.append(record)
        folder = os.path.join(out, "AWSLogs", account, "CloudTrail", region, time.strftime("%Y/%m/%d"))
        os.makedirs(folder, exist_ok=True)
        name = f"{account}_CloudTrail_{region}_{time.strftime('%Y%m%dT%H%MZ')}_{slot:016d}.json.gz"
        with gzip.open(os.path.join(folder, name), "wt", compresslevel=1) as f:
            json.dump({"Records": batch}, f, separators=(",", ":"))
        written += len(batch)
        slot += 1
    print(f"{written} records in {slot} files under {out}")


if __name__ == "__main__":
    main()
