-- Opportunity search as people use it: Arabic free text (one or two words, sometimes with the article,
-- hamza or taa marbuta variants the normaliser folds), often with a region or field filter, three sort orders.
-- SEARCH_BASE is /api/v1/opportunities (JSON) or /opportunities (the HTML page).
local common = dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local base = os.getenv("SEARCH_BASE")
local words = { "تنظيف", "الشواطئ", "رمضان", "الحج", "التوعية", "الصحية", "تعليم", "البرمجة", "زيارة", "الاسر",
  "توزيع", "السلال", "الغذائية", "ارشاد", "ضيوف", "مكة", "جدة", "الرياض", "المدينة", "الدمام", "مستشفى", "الدم",
  "الحدائق", "تشجير", "المسنين", "الايتام", "بنك", "الطعام", "الاسعافات", "المرورية", "التراث", "الترجمة",
  "Beach", "Ramadan", "hospital", "Riyadh", "children", "food", "tree", "pilgrims" }
local sorts = { "soonest", "newest", "mostSeats" }

setup = common.setup
function init(args) math.randomseed(os.time() * 100 + (id or 0)) end

function request()
  local q = words[math.random(#words)]
  if math.random() < 0.35 then q = q .. " " .. words[math.random(#words)] end
  local path = base .. "?q=" .. common.urlencode(q)
  local r = math.random()
  if r < 0.4 then path = path .. "&regionId=" .. math.random(13)
  elseif r < 0.6 then path = path .. "&fieldId=" .. math.random(33) end
  if math.random() < 0.3 then path = path .. "&sort=" .. sorts[math.random(#sorts)] end
  return wrk.format("GET", path)
end

done = common.done
