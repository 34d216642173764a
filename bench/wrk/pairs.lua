-- Writes with fresh input: POSTs that walk every (volunteer, target) pair once, so each request is a new
-- application or check-in rather than a refusal of an earlier one.
--   VOLUNTEERS  file: one signed-in volunteer's Cookie header value per line
--   TARGETS     file: "path<TAB>json body" per line (body optional), e.g. a shift's applications or scan URL
--   STRIDE      the number of wrk threads: thread t takes pairs t-1, t-1+STRIDE, ... (no pair twice in a run)
--   KEY_PREFIX  when set, every request carries "Idempotency-Key: KEY_PREFIX-<pair>"
--   RESEND      fraction (0..1) of requests that re-send an earlier request unchanged, key included (a client
--               retrying after a lost answer); it is one sent LAG requests before, long enough ago to have
--               been answered in most cases
--   OFFSET      first pair index (a warm-up's NEXT_PAIR, so the measured run continues where it stopped)
--   COUNTS      file the per-status counts are written to (see done)
-- Pair i is volunteer i % V with target (floor(i / V) + i % V) % T: neighbouring requests differ in both volunteer and target.
local common = dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local threads = {}
local cookies, targets = {}, {}
local stride = tonumber(os.getenv("STRIDE") or "1")
local prefix = os.getenv("KEY_PREFIX")
local resend = tonumber(os.getenv("RESEND") or "0")
local lag = 256
local sent, ring = 0, {}
next_pair = 0
first_2xx, replayed_2xx, in_progress, refused, failed, wrapped, in_flight = 0, 0, 0, 0, 0, 0, 0

function setup(thread)
  common.setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() * 100 + (id or 0))
  cookies = common.lines(os.getenv("VOLUNTEERS"))
  for _, line in ipairs(common.lines(os.getenv("TARGETS"))) do
    local path, body = line:match("^([^\t]+)\t?(.*)$")
    targets[#targets + 1] = { path = path, body = body }
  end
  next_pair = tonumber(os.getenv("OFFSET") or "0") + (id or 1) - 1
end

local function build(pair)
  local v = pair % #cookies
  local t = (math.floor(pair / #cookies) + v) % #targets
  local target = targets[t + 1]
  local headers = { ["Cookie"] = cookies[v + 1], ["Content-Type"] = "application/json" }
  if prefix ~= nil and #prefix > 0 then headers["Idempotency-Key"] = prefix .. "-" .. pair end
  local body = target.body
  if body == nil or #body == 0 then body = nil; headers["Content-Length"] = "0" end
  return wrk.format("POST", target.path, headers, body)
end

function request()
  sent = sent + 1
  in_flight = in_flight + 1
  if resend > 0 and sent > lag and math.random() < resend then
    return ring[(sent - lag) % lag + 1] or build(0)
  end
  local pairs_total = #cookies * #targets
  if next_pair >= pairs_total then wrapped = wrapped + 1 end
  local req = build(next_pair % pairs_total)
  next_pair = next_pair + stride
  ring[sent % lag + 1] = req
  return req
end

function response(status, headers, body)
  in_flight = in_flight - 1
  if status >= 200 and status < 300 then
    if headers["Idempotent-Replayed"] == "true" then replayed_2xx = replayed_2xx + 1 else first_2xx = first_2xx + 1 end
  elseif status == 409 and body ~= nil and body:find("idempotency_in_progress", 1, true) then
    in_progress = in_progress + 1
  elseif status >= 500 then
    failed = failed + 1
  else
    refused = refused + 1
  end
end

-- The result line, and "2xx-not-replayed 2xx-replayed 409-in-progress other-4xx 5xx wrapped-pairs in-flight" summed
-- over threads, and the next unused pair. In flight: sent but not answered when wrk stopped; the server may still
-- have committed them.
function done(summary, latency, requests)
  common.done(summary, latency, requests)
  local totals = { 0, 0, 0, 0, 0, 0, 0 }
  local last = 0
  for _, thread in ipairs(threads) do
    for i, name in ipairs({ "first_2xx", "replayed_2xx", "in_progress", "refused", "failed", "wrapped", "in_flight" }) do
      totals[i] = totals[i] + (thread:get(name) or 0)
    end
    last = math.max(last, thread:get("next_pair") or 0)
  end
  totals[#totals + 1] = last
  local out = io.open(os.getenv("COUNTS"), "w")
  out:write(table.concat(totals, " ") .. "\n")
  out:close()
end
