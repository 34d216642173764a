-- A fixed URL (the baselines): only the result line.
local common = dofile(os.getenv("BENCH_WRK") .. "/common.lua")
done = common.done
