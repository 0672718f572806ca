#!/usr/bin/env python3
# The replay benchmark's trail: 1,000 CloudTrail files of 1,000 sample records each (samples/**, cycled),
# 4 accounts x 2 regions, eventTimes 0.3 s apart, in an AWSLogs/ tree under the directory given.
# Run from the checkout: python3 tools/replay-bench-trail.py /tmp/trail
import copy, datetime, glob, gzip, json, os, sys
out = sys.argv[1]
records = [e["record"] for f in sorted(glob.glob("samples/**/*.json", recursive=True)) for e in json.load(open(f))["events"]]
accounts = ["111111111111", "222222222222", "333333333333", "444444444444"]
regions = ["us-east-1", "eu-west-1"]
start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
n = 0
for i in range(1000):
    account, region = accounts[i % 4], regions[(i // 4) % 2]
    t = start + datetime.timedelta(minutes=5 * (i // 8))
    folder = f"{out}/AWSLogs/{account}/CloudTrail/{region}/{t:%Y/%m/%d}"
    os.makedirs(folder, exist_ok=True)
    batch = []
    for j in range(1000):
        r = copy.copy(records[n % len(records)]); n += 1
        r["recipientAccountId"], r["awsRegion"] = account, region
        r["eventTime"] = (t + datetime.timedelta(milliseconds=300 * j)).strftime("%Y-%m-%dT%H:%M:%SZ")
        batch.append(r)
    with gzip.open(f"{folder}/{account}_CloudTrail_{region}_{t:%Y%m%dT%H%MZ}_{i:016d}.json.gz", "wt", compresslevel=1) as f:
        json.dump({"Records": batch}, f)
