-- The search as a crowd uses it on a peak day: the same few dozen words, no filters, the default order
-- (every visitor typing "رمضان" in Ramadan). Measures the search cache's path; search.lua measures its misses.
-- SEARCH_BASE is /api/v1/opportunities (JSON) or /opportunities (the HTML page).
local common = dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local base = os.getenv("SEARCH_BASE")
local words = { "تنظيف", "الشواطئ", "رمضان", "الحج", "التوعية", "الصحية", "تعليم", "البرمجة", "زيارة", "الاسر",
  "توزيع", "السلال", "الغذائية", "ارشاد", "ضيوف", "مكة", "جدة", "الرياض", "المدينة", "الدمام", "مستشفى", "الدم",
  "الحدائق", "تشجير", "المسنين", "الايتام", "بنك", "الطعام", "الاسعافات", "المرورية", "التراث", "الترجمة" }

setup = common.setup
function init(args) math.randomseed(os.time() * 100 + (id or 0)) end

function request()
  return wrk.format("GET", base .. "?q=" .. common.urlencode(words[math.random(#words)]))
end

done = common.done
