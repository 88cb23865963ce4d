#!/usr/bin/env bash
# Peak RSS of the Release host (file store, --data) per case, against INVARIANTS.md's limits:
#   1 GiB PUT and GET with SSE-S3 over HTTP           < 100 MiB
#   1 GiB PUT and GET with SSE-C over HTTPS           < 100 MiB
#   64 concurrent 16 MiB PUTs (SSE-S3, HTTP)          < 300 MiB
# The peak is the host's own (VmHWM of its pid, reset between cases through /proc/<pid>/clear_refs), never the clients'.
# Usage: bench/measure-streaming-rss.sh [--host-dir <published host>] [--size-mib N] [--port N] [--repeat N]
#   --host-dir  use an already published host instead of publishing this tree's (to compare two builds)
#   --repeat    run every case N times, each time in a fresh host (a peak varies by a few MiB from start to start:
#               what the JIT compiles when, where the GC lands); the verdict is on the highest peak of the N
# Needs the AWS CLI and curl on PATH, and about 2.2 GiB of free disk in $TMPDIR. Exits 1 if a case exceeds its limit.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=1024
port=9100
host_dir=
repeat=1
while [ $# -gt 0 ]; do
  case "$1" in
    --host-dir) host_dir=$2; shift 2 ;;
    --size-mib) size_mib=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    [0-9]*) size_mib=$1; shift ;;  # the old positional form
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
https_port=$((port + 1))
work=$(mktemp -d)
host_pid=
cleanup() { [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [ -z "$host_dir" ]; then
  host_dir="$work/host"
  dotnet publish -c Release emulator/S3Emulator.Host -o "$host_dir" >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
fi
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1 AWS_CONFIG_FILE="$work/aws-config"
# s3api put-object sends one request per object (no multipart); a config of its own keeps the user's out.
printf '[default]\n' >"$AWS_CONFIG_FILE"
http() { aws --endpoint-url "http://localhost:$port" "$@"; }
https() { PYTHONWARNINGS=ignore aws --endpoint-url "https://localhost:$https_port" --no-verify-ssl "$@"; }

start_host() {
  rm -rf "$work/data"
  S3Emulator__RequestLog=false S3Emulator__BlockSseCOnNewBuckets=false "$host_dir/S3Emulator.Host" --data "$work/data" --http-port "$port" --https-port "$https_port" \
    >"$work/host.log" 2>&1 &
  host_pid=$!
  until curl -sf "http://localhost:$port/_s3emulator/health" >/dev/null; do
    kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log"; exit 1; }
    sleep 0.2
  done
}
stop_host() { kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=; }

peak_mib() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$host_pid/status"; }
# What the RSS is made of right after a case (the peak itself is not split): anonymous (GC heap, native heap, stacks),
# file (mapped runtime and framework assemblies, native libraries), shmem (the runtime's double-mapped code and stubs).
parts_mib() { awk '/RssAnon|RssFile|RssShmem/ {sub(/Rss/, "", $1); printf "%s %d ", tolower($1), $2 / 1024}' "/proc/$host_pid/status"; }
reset_peak() { echo 5 >"/proc/$host_pid/clear_refs"; }
failed=0
declare -A peaks=() limits=()
cases=()
report() { # name limit seconds
  local peak; peak=$(peak_mib)
  local verdict=ok; [ "$peak" -lt "$2" ] || { verdict="OVER ${2} MiB"; failed=1; }
  printf '%-40s %6.1f s   peak RSS %4d MiB   (limit %d MiB) %-14s now: %s\n' "$1" "$3" "$peak" "$2" "$verdict" "$(parts_mib)"
  [ -n "${limits[$1]:-}" ] || cases+=("$1")
  limits[$1]=$2
  peaks[$1]="${peaks[$1]:-} $peak"
}
elapsed() { echo "$(date +%s.%N) - $1" | bc; }

head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$work/object"
head -c $((16 * 1024 * 1024)) /dev/urandom >"$work/object16"
for run in $(seq 1 "$repeat"); do
  start_host
  http s3api create-bucket --bucket stream >/dev/null
  echo "run $run of $repeat: host peak RSS after start: $(peak_mib) MiB, now: $(parts_mib)($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"

  reset_peak; start=$(date +%s.%N)
  http s3api put-object --bucket stream --key sse-s3 --body "$work/object" >/dev/null
  report "PUT ${size_mib} MiB, SSE-S3, HTTP" 100 "$(elapsed "$start")"
  reset_peak; start=$(date +%s.%N)
  http s3api get-object --bucket stream --key sse-s3 "$work/back" >/dev/null
  report "GET ${size_mib} MiB, SSE-S3, HTTP" 100 "$(elapsed "$start")"
  cmp -s "$work/object" "$work/back" || { echo "SSE-S3 content differs"; failed=1; }
  rm -f "$work/back"

  # The CLI base64-encodes the key (and sends its MD5) itself: it takes the 32 raw bytes from a file.
  head -c 32 /dev/urandom >"$work/customer.key"
  sse_c=(--sse-customer-algorithm AES256 --sse-customer-key "fileb://$work/customer.key")
  reset_peak; start=$(date +%s.%N)
  https s3api put-object --bucket stream --key sse-c --body "$work/object" "${sse_c[@]}" >/dev/null
  report "PUT ${size_mib} MiB, SSE-C, HTTPS" 100 "$(elapsed "$start")"
  reset_peak; start=$(date +%s.%N)
  https s3api get-object --bucket stream --key sse-c "${sse_c[@]}" "$work/back" >/dev/null
  report "GET ${size_mib} MiB, SSE-C, HTTPS" 100 "$(elapsed "$start")"
  cmp -s "$work/object" "$work/back" || { echo "SSE-C content differs"; failed=1; }
  rm -f "$work/back"

  # 64 uploads at once: curl signs SigV4 itself (--aws-sigv4), so 64 PUTs cost 64 small processes, not 64 Python CLIs.
  reset_peak; start=$(date +%s.%N)
  uploads=()
  for i in $(seq 1 64); do
    curl -s -o "$work/upload-$i.body" -w '%{http_code} %{errormsg}\n' --aws-sigv4 "aws:amz:us-east-1:s3" \
      --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" \
      -T "$work/object16" "http://localhost:$port/stream/concurrent-$i" >"$work/upload-$i.status" &
    uploads+=($!)
  done
  wait "${uploads[@]}"  # not a bare wait: the host is a background job too
  report "64 concurrent PUTs of 16 MiB, SSE-S3" 300 "$(elapsed "$start")"
  uploads_failed=$(cat "$work"/upload-*.status | grep -vc '^200 ' || true)
  if [ "$uploads_failed" -ne 0 ]; then
    echo "$uploads_failed of the 64 uploads failed:"; cat "$work"/upload-*.status | grep -v '^200 ' | sort | uniq -c
    for i in $(seq 1 64); do
      grep -q '^200 ' "$work/upload-$i.status" || { echo "first failure's body:"; cat "$work/upload-$i.body"; echo; break; }
    done
    failed=1
  fi
  stop_host
done
rm -f "$work/object"

if [ "$repeat" -gt 1 ]; then
  echo "peak RSS over $repeat fresh hosts (MiB, each run; the verdict is on the highest):"
  for name in "${cases[@]}"; do
    max=$(tr ' ' '\n' <<<"${peaks[$name]}" | sort -n | tail -1)
    printf '%-40s %s   max %4d   limit %d   margin %d\n' "$name" "${peaks[$name]}" "$max" "${limits[$name]}" $((limits[$name] - max))
  done
fi
exit "$failed"
