-- GETs of paths from a file (PATHS), one per line as "path<TAB>cookie" (cookie optional): opportunity details,
-- signed-in pages of many different volunteers, organisations and the platform admin. METHOD=POST sends
-- empty POSTs instead (applying to shifts).
local common = dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local entries = {}
local method = os.getenv("METHOD") or "GET"

setup = common.setup
function init(args)
  math.randomseed(os.time() * 100 + (id or 0))
  for _, line in ipairs(common.lines(os.getenv("PATHS"))) do
    local path, cookie = line:match("^([^\t]+)\t?(.*)$")
    entries[#entries + 1] = { path = path, cookie = cookie }
  end
end

function request()
  local e = entries[math.random(#entries)]
  if e.cookie ~= nil and #e.cookie > 0 then
    return wrk.format(method, e.path, { ["Cookie"] = e.cookie, ["Content-Length"] = method == "POST" and "0" or nil })
  end
  return wrk.format(method, e.path)
end

done = common.done
