-- wrk script of bench_serve.py: each request's path is the next line of a
-- file, starting at a given line and wrapping at the end; run with one
-- thread (-t1) so that one counter orders the requests.
--   wrk -t1 -c50 -d10s -s bench/bench_serve.lua http://127.0.0.1:PORT -- PATHS START
local paths, count = {}, 0
issued = 0 -- global: done() reads it from the thread
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    count = count + 1
    paths[count] = line
  end
  issued = tonumber(args[2]) or 0
end

function request()
  issued = issued + 1
  return wrk.format("GET", paths[(issued - 1) % count + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %d, "seconds": %.3f, "status_errors": %d, "socket_errors": %d,'
      .. ' "p50": %.3f, "p95": %.3f, "p99": %.3f, "issued": %d}\n',
    summary.requests, summary.duration / 1e6, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    threads[1]:get("issued")))
end
