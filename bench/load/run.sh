#!/usr/bin/env bash
# Load benchmark: the Release host (file store; in memory) against nginx serving the same files on the same machine,
# driven by wrk with presigned URLs. Prints one table and writes it to bench/load/results/<time>.md (bench/README.md, "Load").
#   bench/load/run.sh [--duration 10s] [--cells quick|full|policy] [--host <published host folder>] [--port-base 9200]
#                     [--warmup 5s] [--repeat 1]
# --repeat N runs the policy cells (no policy, 20-statement policy, access point alias) N rounds, alternated on each host,
# and reports each cell's median req/s and the median of its per-round ratios to the round's no-policy cell.
# Ports: host file store base, base+10 (HTTPS); in memory base+1, base+11; in memory with the request log base+2;
# nginx base+5, base+6 (HTTPS), base+7 (GETs without sendfile). Fails (exit 1) if a cell had any socket error or non-2xx answer, or a PUT stored other bytes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"
# shellcheck source=servers.sh
source "$here/servers.sh"

duration=10s cells=full host_dir="" port_base=9200 warmup=5s repeat=1
while (($#)); do
  case $1 in
    --duration) duration=$2 ;;
    --cells) cells=$2 ;;
    --host) host_dir=$(cd "$2" && pwd) ;;
    --port-base) port_base=$2 ;;
    --warmup) warmup=$2 ;;
    --repeat) repeat=$2 ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    *) die "unknown option $1 (--help lists them)" ;;
  esac
  shift 2
done
[[ $repeat =~ ^[1-9][0-9]*$ ]] || die "--repeat is a count of rounds, 1 or more"
# policy: only GET 4 KiB c=64 against nginx and the policy cells on both stores (issue 11's small-GET and policy targets).
sizes=(4k 1m) puts=yes
case $cells in
  quick) connections=(64) sse_sizes=(4k) policy_servers=(memory) ;;
  full) connections=(1 16 64) sse_sizes=(4k 1m) policy_servers=(file memory) ;;
  policy) connections=(64) sse_sizes=() policy_servers=(file memory) sizes=(4k) puts=no ;;
  *) die "--cells is quick, full or policy" ;;
esac

file_http=$port_base mem_http=$((port_base + 1)) log_http=$((port_base + 2))
nginx_http=$((port_base + 5)) nginx_https=$((port_base + 6)) nginx_copy_http=$((port_base + 7)) file_https=$((port_base + 10)) mem_https=$((port_base + 11))
declare -A bytes=([4k]=4096 [1m]=1048576) size_label=([4k]="4 KiB" [1m]="1 MiB")
declare -A label=([nginx]="nginx" [nginx-copy]="nginx, no sendfile" [file]="ours, file" [memory]="ours, memory")
account=123456789012
sse_c_key=s3emulator-bench-sse-c-key-32byt # 32 bytes: SSE-C's AES-256 key
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY AWS_DEFAULT_REGION=us-east-1

pids=() failures=()
declare -A port_pid=() # port -> the pid of the server listening on it, for its CPU time (lib.sh cpu_ticks)
clock_ticks=$(getconf CLK_TCK)
work=$(mktemp -d "${TMPDIR:-/tmp}/s3emulator-load.XXXXXX")
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
cores=$(nproc)
results=$work/results.tsv
body=$work/body
ensure_tools
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)

publish_host
start_servers
prepare_objects

# The JIT tiers a fresh host's hot paths up over its first seconds under load: each path a cell takes, once, unrecorded.
log "warming up each host ($warmup per path, not recorded)"
warm() { results=/dev/null duration=$warmup measure "$1" warm-up "$2" - - 4096 16 "${@:3}"; }
head -c 4096 /dev/urandom >"$body"
for server in file memory; do
  warm get "${label[$server]}" "$work/urls/$server/get-4k"
  if [[ $puts == yes ]]; then
    warm put "${label[$server]}" "$work/urls/$server/put-4k"
    warm get "${label[$server]}" "$work/urls/$server/sse-get-4k" "${sse_c_headers[@]}"
    warm put "${label[$server]}" "$work/urls/$server/sse-put-4k" "${sse_c_headers[@]}"
  fi
  warm get "${label[$server]}" "$work/urls/$server/policy20"
  warm get "${label[$server]}" "$work/urls/$server/access-point"
done
warm get "ours, memory, request log" "$work/urls/memory-log/get-4k"

for size in "${sizes[@]}"; do
  for c in "${connections[@]}"; do
    cell="GET ${size_label[$size]} c=$c"
    for server in nginx nginx-copy file memory; do
      measure get "$cell" "${label[$server]}" "$cell" - "${bytes[$size]}" "$c" "$work/urls/$server/get-$size"
    done
  done
done

for size in "${sizes[@]}"; do
  [[ $puts == yes ]] || break
  for c in "${connections[@]}"; do
    cell="PUT ${size_label[$size]} c=$c"
    head -c "${bytes[$size]}" /dev/urandom >"$body" # new bytes per cell: the check below sees this cell's write
    for server in nginx file memory; do
      measure put "$cell" "${label[$server]}" "$cell" - "${bytes[$size]}" "$c" "$work/urls/$server/put-$size"
      verify_put "${label[$server]}" "$work/urls/$server/put-$size" "$c"
    done
  done
done

# SSE-C over HTTPS, PUT then GET; nginx does the same transfers over HTTPS without encryption at rest.
for size in "${sse_sizes[@]}"; do
  put="SSE-C PUT ${size_label[$size]} c=16 (HTTPS)" get="SSE-C GET ${size_label[$size]} c=16 (HTTPS)"
  head -c "${bytes[$size]}" /dev/urandom >"$body"
  measure put "$put" "nginx (HTTPS)" "$put" - "${bytes[$size]}" 16 "$work/urls/nginx/sse-put-$size"
  verify_put nginx "$work/urls/nginx/sse-put-$size" 16
  for server in file memory; do
    measure put "$put" "${label[$server]}" "$put" - "${bytes[$size]}" 16 "$work/urls/$server/sse-put-$size" "${sse_c_headers[@]}"
    verify_put "${label[$server]}" "$work/urls/$server/sse-put-$size" 16 sse-c
  done
  measure get "$get" "nginx (HTTPS)" "$get" - "${bytes[$size]}" 16 "$work/urls/nginx/sse-get-$size"
  for server in file memory; do
    measure get "$get" "${label[$server]}" "$get" - "${bytes[$size]}" 16 "$work/urls/$server/sse-get-$size" "${sse_c_headers[@]}"
  done
done

# Authorization and the request log, each back to back with its baseline on the same host. With --repeat N the three
# policy cells run N rounds, the hosts alternated within a round and the cells' order rotated from round to round, so
# neither drift in the machine's load nor a cell's place in the round favours one cell; each round's cells carry
# "(round k)" and the report adds their medians (s3tool.py table).
policy_cells=("no policy:get-4k" "20-statement bucket policy:policy20" "access point alias:access-point")
for ((round = 1; round <= repeat; round++)); do
  suffix=""
  ((repeat > 1)) && suffix=" (round $round)"
  plain="GET 4 KiB c=64, no policy$suffix"
  for server in "${policy_servers[@]}"; do
    for ((i = 0; i < 3; i++)); do
      entry=${policy_cells[(i + round - 1) % 3]}
      base=$plain
      [[ ${entry%%:*} == "no policy" ]] && base=-
      measure get "GET 4 KiB c=64, ${entry%%:*}$suffix" "${label[$server]}" "GET 4 KiB c=64" "$base" 4096 64 \
        "$work/urls/$server/${entry#*:}"
    done
  done
done
measure get "GET 4 KiB c=64, request log on" "${label[memory]}" "GET 4 KiB c=64" "$plain" 4096 64 "$work/urls/memory-log/get-4k"

write_report
if ((${#failures[@]})); then
  printf '\nFAILED: these cells had socket errors or non-2xx answers, their numbers mean nothing:\n' >&2
  printf '  %s\n' "${failures[@]}" >&2
  exit 1
fi
