-- wrk script: one page view per request, a different reader each time, as reader pages' beacons send them.
-- Usage (with KABAR_LIMITS_PAGE_VIEWS_PER_SECOND=1000000000 ./kabar up running and an article id in ID):
--   wrk -t2 -c64 -d10s -s scripts/ingest-load.lua http://127.0.0.1:8084/api/page-views -- "$ID"
local article = "unknown-article"
local counter = 0

function init(args)
  if args[1] then article = args[1] end
end

function request()
  counter = counter + 1
  local body = string.format('{"articleId": "%s", "sessionId": "load-%d-%d"}', article, math.random(1, 1e9), counter)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
