-- wrk script: request paths drawn at random from a file (one per line); prints a JSON summary line.
local paths = {}
init = function(args)
  for line in io.lines(args[1]) do table.insert(paths, line) end
  math.randomseed(os.time())
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('JSON {"requests":%d,"seconds":%.2f,"rps":%.1f,"non2xx":%d,"socket_errors":%d,"p50_ms":%.3f,"p99_ms":%.3f}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), e.status,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
