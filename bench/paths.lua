-- wrk script: cycles through a list of request paths, one per line in the file named by the first
-- script argument (wrk ... -s bench/paths.lua URL -- paths.txt). Used by bench/archive.bench.sh so
-- that an uncached target (the article rendered from the database, search) reads many different
-- rows instead of one hot one. Headers given with -H (Accept-Encoding) apply to every request.
--
-- Requests are formatted once, in init, so wrk spends no more per request than with a fixed URL.

local requests = {}
local count = 0
local next_index = 1

function init(args)
  local file = args[1]
  if file == nil then
    error("usage: wrk -s bench/paths.lua URL -- <file with one path per line>")
  end
  for line in io.lines(file) do
    if line ~= "" then
      count = count + 1
      requests[count] = wrk.format("GET", line)
    end
  end
  if count == 0 then
    error("no paths in " .. file)
  end
  -- Each wrk run (lib.sh numbers them in BENCH_WRK_RUN) starts elsewhere in the list, so a
  -- measured run does not begin with the rows its warm-up has just read.
  local run = tonumber(os.getenv("BENCH_WRK_RUN") or "0") or 0
  next_index = (run * 7919) % count + 1
end

function request()
  local chosen = requests[next_index]
  next_index = next_index % count + 1
  return chosen
end
