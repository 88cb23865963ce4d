-- Loaded by get.lua and put.lua: at the end of a wrk run, one machine-readable line that run.sh reads.
-- Latencies are in microseconds; "errors" sums socket errors, timeouts and non-2xx/3xx answers (wrk counts status > 399).
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d connect=%d read=%d write=%d timeout=%d status=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      e.connect + e.read + e.write + e.timeout + e.status, e.connect, e.read, e.write, e.timeout, e.status))
end
