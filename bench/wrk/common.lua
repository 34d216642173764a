-- Shared by the scenario scripts: reading input files, URL encoding, and the result line the runner parses.
local common = {}

function common.lines(path)
  local t = {}
  for line in io.lines(path) do
    if #line > 0 then t[#t + 1] = line end
  end
  return t
end

function common.urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Each wrk thread has its own Lua state: seed it per thread so threads do not replay one sequence.
local counter = 0
function common.setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

-- One line for the runner: requests, requests/s, p50/p90/p99 in ms, socket errors, HTTP errors (status >= 400).
function common.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local out = io.open(os.getenv("WRK_OUT"), "w")
  out:write(string.format("%d %.1f %.2f %.2f %.2f %d %d\n", summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
  out:close()
end

return common
