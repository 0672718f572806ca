#!/usr/bin/env python3
"""Writes N CloudTrail records as gzipped log files in an AWSLogs/ tree, for the replay benchmark.

The records are the sample cases' (samples/**/*.json), each with a fresh eventID, one of ACCOUNTS
accounts (replacing the samples' own account wherever it appears, ARNs included, so that a call
within the account stays within it) and REGIONS regions, and an eventTime that moves forward file
by file, as CloudTrail writes them: one file per account, region and five minutes,
RECORDS_PER_FILE records.

A real trail is mostly routine calls, so by default one record in 100 is a detection (a sample
whose case expects an alert, in turn) and the others are routine (the samples' benign twins, whose
cases expect no alert, in turn); --detections SHARE changes the share, and --detections 1 gives
every sample record in turn, detections and twins alike, as the samples hold them.

usage: generate.py N OUT_DIR [--detections SHARE]
"""
import argparse
import glob
import gzip
import json
import os
import uuid
from datetime import datetime, timedelta, timezone

ACCOUNTS = [f"{100000000000 + i * 7919:012d}" for i in range(40)]
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"]
RECORDS_PER_FILE = 500
START = datetime(2026, 1, 1, tzinfo=timezone.utc)
SAMPLE_ACCOUNT = "123456789012"  # every sample's recipientAccountId
# What each record gets anew, as they stand in a template's text.
EVENT_ID, ACCOUNT, REGION, EVENT_TIME = "@EVENT-ID@", "@ACCOUNT@", "@REGION@", "@EVENT-TIME@"


def samples():
    """The sample records, as (record, whether its case expects an alert)."""
    records = []
    for path in sorted(glob.glob("samples/**/*.json", recursive=True)):
        with open(path) as f:
            for event in json.load(f)["events"]:
                records.append((event["record"], bool(event.get("expect", {}).get("level"))))
    return records


def template(record):
    """The record as compact JSON text with the placeholders where the generated values go."""
    record = dict(record, eventID=EVENT_ID, recipientAccountId=ACCOUNT, awsRegion=REGION, eventTime=EVENT_TIME)
    return json.dumps(record, separators=(",", ":")).replace(SAMPLE_ACCOUNT, ACCOUNT)


def chooser(share):
    """A function from a record's number to its template: every 1/share-th a detection."""
    records = [(template(record), alerts) for record, alerts in samples()]
    if share >= 1:
        every = [record for record, _ in records]
        return lambda n: every[n % len(every)]
    detections = [record for record, alerts in records if alerts]
    routine = [record for record, alerts in records if not alerts]
    period = round(1 / share)

    def choose(n):
        if n % period == period - 1:
            return detections[(n // period) % len(detections)]
        return routine[(n - n // period) % len(routine)]

    return choose


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("n", type=int)
    arguments.add_argument("out")
    arguments.add_argument("--detections", type=float, default=0.01, metavar="SHARE")
    options = arguments.parse_args()
    if not 0 < options.detections <= 1:
        arguments.error("--detections must be above 0 and at most 1")
    choose = chooser(options.detections)
    total, out = options.n, options.out
    written = 0
    slot = 0
    while written < total:
        account = ACCOUNTS[slot % len(ACCOUNTS)]
        region = REGIONS[(slot // len(ACCOUNTS)) % len(REGIONS)]
        time = START + timedelta(minutes=5 * (slot // (len(ACCOUNTS) * len(REGIONS))))
        batch = []
        for i in range(min(RECORDS_PER_FILE, total - written)):
            event_time = (time + timedelta(milliseconds=600 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
            batch.append(choose(written + i).replace(EVENT_ID, str(uuid.UUID(int=written + i)))
                         .replace(ACCOUNT, account).replace(REGION, region).replace(EVENT_TIME, event_time))
        folder = os.path.join(out, "AWSLogs", account, "CloudTrail", region, time.strftime("%Y/%m/%d"))
        os.makedirs(folder, exist_ok=True)
        name = f"{account}_CloudTrail_{region}_{time.strftime('%Y%m%dT%H%MZ')}_{slot:016d}.json.gz"
        with gzip.open(os.path.join(folder, name), "wt", compresslevel=1) as f:
            f.write('{"Records":[' + ",".join(batch) + "]}")
        written += len(batch)
        slot += 1
    print(f"{written} records in {slot} files under {out}")


if __name__ == "__main__":
    main()
