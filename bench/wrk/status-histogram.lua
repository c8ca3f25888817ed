-- wrk script: POSTs $ASSAY_BODY with the key in $ASSAY_KEY and prints a histogram of response
-- statuses, how many carried Retry-After, and how many were not ProblemDetails. Used by
-- bench/wrk/overload.sh.
wrk.method = "POST"
wrk.body = os.getenv("ASSAY_BODY") or "{}"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("ASSAY_KEY") or "")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  retry_after = 0
  not_problem = 0
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 400 then
    if headers["Retry-After"] or headers["retry-after"] then retry_after = retry_after + 1 end
    local type = headers["Content-Type"] or headers["content-type"] or ""
    if not string.find(type, "application/problem+json", 1, true) then not_problem = not_problem + 1 end
  end
end

function done(summary, latency, requests)
  local total, retry, bad = {}, 0, 0
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do total[status] = (total[status] or 0) + n end
    retry = retry + t:get("retry_after")
    bad = bad + t:get("not_problem")
  end
  for status, n in pairs(total) do io.write(string.format("status %d: %d\n", status, n)) end
  io.write(string.format("errors with Retry-After: %d\n", retry))
  io.write(string.format("errors that were not ProblemDetails: %d\n", bad))
end
