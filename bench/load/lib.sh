# Helpers of run.sh (sourced): tools, one measured cell, the check that a PUT stored its body, the report, clean-up.
# They read run.sh's variables: work, here, pids, duration, results, failures, python, nginx_bin, ports and labels.

log() { printf '%s  %s\n' "$(date +%T)" "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

# Installs from Debian what is missing (as root; otherwise says what to install).
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
  command -v aws >/dev/null || missing+=(awscli)
  command -v curl >/dev/null || missing+=(curl)
  command -v openssl >/dev/null || missing+=(openssl)
  if ((${#missing[@]})); then
    [[ $(id -u) == 0 ]] || die "missing ${missing[*]}: apt-get install -y ${missing[*]}"
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]}"
  fi
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  # A Python with botocore: the AWS CLI's when it is version 1 (pip); Debian 12's awscli is version 2, which keeps its
  # botocore to itself, so then Debian's python3-botocore.
  local candidate
  for candidate in python3 /usr/bin/python3 $(sed -n 's/^#! *\(.*python[0-9.]*\)$/\1/p;q' "$(command -v aws)"); do
    if "$candidate" -c 'import botocore' 2>/dev/null; then python=$candidate; return; fi
  done
  [[ $(id -u) == 0 ]] || die "no Python with botocore: apt-get install -y python3-botocore"
  log "installing python3-botocore"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-botocore >/dev/null || die "apt-get install python3-botocore"
  python=/usr/bin/python3
}

s3tool() { "$python" "$here/s3tool.py" "$@"; }

# Waits until URL answers (any HTTP status); on failure shows the log of the process that should serve it.
wait_ready() {
  local url=$1 logfile=$2 pid=$3
  for _ in $(seq 600); do # two minutes: a loaded machine starts a host in 20 s
    curl -sk -o /dev/null "$url" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  tail -20 "$logfile" >&2
  die "nothing answers at $url"
}

# Stops what this run started (TERM, then KILL after 10 s) and removes its folder.
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 50); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  [[ -n ${work:-} ]] && rm -rf "$work"
}

# measure get|put CELL SERVER LIMIT-CELL BASE-CELL SIZE CONNECTIONS URL-FILE [HEADER…]
# URL-FILE: one URL (get), or one per key (put: the first CONNECTIONS lines are used, the body is $body).
# Appends a row to $results; a cell with any error is remembered in $failures.
measure() {
  local kind=$1 cell=$2 server=$3 limit=$4 base=$5 size=$6 connections=$7 target=$8
  shift 8
  local headers=() header
  for header in "$@"; do headers+=(-H "$header"); done
  local threads=$((connections < cores ? connections : cores))
  local args=(-t"$threads" -c"$connections" -d"$duration" --timeout 10s "${headers[@]}")
  if [[ $kind == get ]]; then
    args+=(-s "$here/get.lua" "$(head -n 1 "$target")")
  else
    head -n "$connections" "$target" >"$work/put-urls"
    args+=(-s "$here/put.lua" "$(head -n 1 "$target")" -- "$work/put-urls" "$body" "$threads")
  fi
  local url port out cpu_before cpu_after
  url=$(head -n 1 "$target")
  port=${url#*://}
  port=${port%%/*}
  port=${port##*:}
  [[ -n ${port_pid[$port]:-} ]] || die "no server of this run listens on port $port ($cell / $server)"
  cpu_before=$(cpu_ticks "$port")
  out=$(wrk "${args[@]}" 2>&1) || { echo "$out" >&2; die "wrk failed in $cell / $server"; }
  cpu_after=$(cpu_ticks "$port")
  local result
  result=$(grep '^RESULT' <<<"$out") || { echo "$out" >&2; die "wrk printed no result in $cell / $server"; }
  local -A r
  local pair
  for pair in ${result#RESULT }; do r[${pair%%=*}]=${pair#*=}; done
  local cpu_us=$(((cpu_after - cpu_before) * 1000000 / clock_ticks))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$cell" "$server" "$limit" "$base" "$size" \
    "${r[requests]}" "${r[duration_us]}" "${r[p50_us]}" "${r[p99_us]}" "${r[errors]}" "$cpu_us" >>"$results"
  log "$(awk -v c="$cell" -v s="$server" -v n="${r[requests]}" -v d="${r[duration_us]}" -v p="${r[p99_us]}" -v u="$cpu_us" \
    'BEGIN { printf "%-60s %-26s %9.0f req/s  p99 %7.2f ms  CPU %6.1f us/req", c, s, n / d * 1e6, p / 1e3, u / (n ? n : 1) }')"
  if ((r[errors] > 0)); then
    failures+=("$cell / $server: ${result#RESULT }")
    log "ERRORS in $cell / $server: ${result#RESULT }"
  fi
}

# cpu_ticks PORT: the CPU time (user + system, fields 14 and 15 of /proc/PID/stat, in clock ticks) the server listening
# on PORT has used so far: the host's process, or nginx's master and its workers. Finished threads stay counted, so the
# difference over a wrk run is the server's whole share of it, whatever else the machine is doing.
cpu_ticks() {
  local main=${port_pid[$1]} pid stat total=0
  local -a fields
  for pid in "$main" $(pgrep -P "$main"); do
    stat=$(<"/proc/$pid/stat") 2>/dev/null || continue
    read -ra fields <<<"${stat##*) }" # after "(comm) " field 3 is index 0: comm may hold spaces
    total=$((total + fields[11] + fields[12]))
  done
  echo "$total"
}

# verify_put SERVER URL-FILE CONNECTIONS [SSE-C]: GETs the last key the cell wrote and compares it with $body.
verify_put() {
  local server=$1 urls=$2 connections=$3 sse=${4:-}
  local url key back=$work/back
  url=$(sed -n "${connections}p" "$urls")
  key=${url%%\?*}
  key=${key##*/}
  rm -f "$back"
  if [[ $server == nginx* ]]; then
    curl -skf -o "$back" "$url" || die "nginx has no $key after the PUT cell"
  else
    local endpoint=${url%%/bench/*} tls=() customer_key=()
    [[ -n $sse ]] && tls=(--no-verify-ssl) customer_key=(--sse-customer-algorithm AES256 --sse-customer-key "$sse_c_key")
    PYTHONWARNINGS=ignore aws --endpoint-url "$endpoint" "${tls[@]}" s3api get-object --bucket bench --key "$key" \
      "${customer_key[@]}" "$back" >/dev/null 2>"$work/aws.err" || { cat "$work/aws.err" >&2; die "$server has no $key after the PUT cell"; }
  fi
  cmp -s "$body" "$back" || die "$server stored other bytes under $key than the PUT cell sent"
}

# Prints the table and writes it, with what the numbers depend on, to results/<time>.md.
write_report() {
  local report commit
  mkdir -p "$here/results"
  report=$here/results/$(date +%Y-%m-%d-%H%M%S).md
  commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
  git -C "$repo" diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
  {
    echo "# Load benchmark, $(date '+%Y-%m-%d %H:%M')"
    echo
    echo "- host: $([[ $host_dir == "$work/host" ]] && echo "published from $commit" || echo "$host_dir (given); repository at $commit")"
    echo "- machine: $cores cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME")"
    echo "- $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $("$nginx_bin" -v 2>&1 | sed 's/.*: //'); $duration per cell, cells: $cells"
    echo "- load average (1, 5, 15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg); run took $(($(date +%s) - started)) s"
    echo
  } >"$report"
  echo
  s3tool table "$results" "$report"
  echo
  cat "$report" | sed -n '3,6p'
  echo "written to $report"
}
