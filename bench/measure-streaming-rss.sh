#!/usr/bin/env bash
# Peak RSS of the host while the AWS CLI PUTs and GETs one large object through the file-system store.
# Usage: bench/measure-streaming-rss.sh [size-in-MiB, default 1024]. Needs the AWS CLI on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
work=$(mktemp -d)
trap 'kill "$host_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release emulator/S3Emulator.Host -o "$work/host" >/dev/null
"$work/host/S3Emulator.Host" --data "$work/data" --http-port 9100 --https-port 0 >"$work/host.log" 2>&1 &
host_pid=$!
until curl -sf http://localhost:9100/_s3emulator/health >/dev/null; do sleep 0.2; done

export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY AWS_DEFAULT_REGION=us-east-1
s3() { aws --endpoint-url http://localhost:9100 "$@"; }
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$work/object"
rss() { awk '/VmHWM/ {print $2 / 1024 " MiB"}' "/proc/$host_pid/status"; }
echo "peak RSS after start: $(rss)"
s3 s3api create-bucket --bucket stream >/dev/null
start=$(date +%s.%N); s3 s3api put-object --bucket stream --key object --body "$work/object" >/dev/null
echo "PUT ${size_mib} MiB: $(echo "$(date +%s.%N) - $start" | bc) s, peak RSS $(rss)"
start=$(date +%s.%N); s3 s3api get-object --bucket stream --key object "$work/back" >/dev/null
echo "GET ${size_mib} MiB: $(echo "$(date +%s.%N) - $start" | bc) s, peak RSS $(rss)"
cmp "$work/object" "$work/back" && echo "content identical"
