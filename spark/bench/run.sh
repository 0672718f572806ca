#!/usr/bin/env bash
# The replay benchmark: N generated CloudTrail records (default 10,000,000) through
# `tools/ossec-aws replay --threads 2` and through the Spark job on local[2], wall and CPU time each.
# usage (from the checkout, after `mvn -DskipTests install`): spark/bench/run.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
n=${1:-10000000}
data=${BENCH_DATA:-/tmp/ossec-aws-bench-$n}
out=$(mktemp -d /tmp/ossec-aws-bench-out.XXXXXX)
[[ -d $data ]] || python3 spark/bench/generate.py "$n" "$data"
mvn -B -q -f spark/pom.xml -DskipTests package
mvn -B -q -f spark/pom.xml dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$out/classpath" >/dev/null
opts=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' spark/pom.xml)

measure() { # NAME COMMAND...: runs it under /usr/bin/time -v, prints records/s and CPU seconds
  local name=$1; shift
  /usr/bin/time -v "$@" >"$out/$name.json" 2>"$out/$name.err"
  python3 - "$out/$name.json" "$out/$name.err" "$name" <<'PY'
import json, re, sys
summary = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
err = open(sys.argv[2]).read()
def field(label):
    return re.search(re.escape(label) + r": (.*)", err).group(1)
h, m, s = ([0, 0] + [float(x) for x in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")])[-3:]
wall = h * 3600 + m * 60 + s
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
records = summary["records"]
print(f"{sys.argv[3]}: {records} records, {summary['alerts']} alerts, {wall:.1f} s wall ({records / wall:.0f} records/s),"
      f" {cpu:.1f} CPU s ({records / cpu:.0f} records per CPU-second), max RSS {rss:.0f} MiB")
PY
}

measure replay tools/ossec-aws replay --threads 2 --ruleset ruleset --hostname ossec-aws --format json \
  --alerts "$out/replay-alerts.jsonl" "$data"
# shellcheck disable=SC2086 # the JVM options are words
measure spark env SPARK_LOCAL_IP=127.0.0.1 java $opts -Dspark.master='local[2]' -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
  -Dspark.ui.enabled=false -Dspark.local.dir="$out/spark-local" -Xmx8g \
  -cp "spark/target/ossec-aws-spark.jar:$(cat "$out/classpath")" dev.ossecaws.spark.ReplayJob \
  --input "$data" --ruleset ruleset --hostname ossec-aws --alerts "$out/spark-alerts"
if cmp -s <(sort "$out/replay-alerts.jsonl") <(cat "$out"/spark-alerts/part-* | sort); then
  echo "alerts: the same lines"
else
  echo "alerts: DIFFERENT (see $out)"; exit 1
fi
rm -rf "$out"
