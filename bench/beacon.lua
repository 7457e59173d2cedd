-- wrk script for bench/audience.bench.sh: POSTs a view report, as the article page's beacon does.
--
-- Usage: wrk -s bench/beacon.lua <url> -- <article-id> [unique|fixed|none]
--   unique (default): every request has its own desktop-Chrome user agent (a counter in the
--                     build number), so every report is a new reader and really gets counted;
--   fixed:            one desktop-Chrome user agent for the whole run (after the first, "repeat");
--   none:             no user agent at all (answered as a bot).
-- BENCH_WRK_RUN (environment, set by bench/lib.sh) goes into the user agent too, so two wrk runs
-- never send the same one.
local run = os.getenv("BENCH_WRK_RUN") or "0"
local chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.%s.%d.0 Safari/537.36"
local mode = "unique"
local body = nil
local counter = 0

function init(args)
  local article = args[1]
  if article == nil or article == "" then error("beacon.lua: pass the article id after --") end
  mode = args[2] or "unique"
  if mode ~= "unique" and mode ~= "fixed" and mode ~= "none" then error("beacon.lua: unknown mode " .. mode) end
  body = '{"article":"' .. article .. '","via":"popular-now"}'
end

function request()
  counter = counter + 1
  -- What navigator.sendBeacon sends for a string body.
  local headers = { ["Content-Type"] = "text/plain;charset=UTF-8" }
  if mode == "unique" then
    headers["User-Agent"] = string.format(chrome, run, counter)
  elseif mode == "fixed" then
    headers["User-Agent"] = string.format(chrome, run, 0)
  end
  return wrk.format("POST", nil, headers, body)
end
