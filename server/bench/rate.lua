-- wrk script for the server's load test: cycles through the Cranfield query texts (QUERIES file,
-- one URL-encoded query per line) against /v1/search with ranker RANKER, and paces each connection
-- to one request every INTERVAL_MS milliseconds (scheduled, not after the response), so that
-- threads x INTERVAL give a fixed offered rate while latencies stay below the interval.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_usec; } timeval;
  int gettimeofday(timeval *tv, void *tz);
]]
local tv = ffi.new("timeval")
local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local queries = {}
local ranker = os.getenv("RANKER") or "full"
local interval = tonumber(os.getenv("INTERVAL_MS") or "0")
local k = os.getenv("K") or "10"
local i = 0
local next_at = nil

function init(args)
  for line in io.lines(os.getenv("QUERIES")) do
    queries[#queries + 1] = line
  end
  i = math.random(#queries)
end

function delay()
  if interval <= 0 then return 0 end
  local t = now_ms()
  if next_at == nil then next_at = t end
  next_at = next_at + interval
  local d = next_at - t
  if d < 0 then return 0 end
  return d
end

function request()
  i = (i % #queries) + 1
  return wrk.format("GET", "/v1/search?k=" .. k .. "&ranker=" .. ranker .. "&q=" .. queries[i])
end
