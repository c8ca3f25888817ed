-- wrk script for Assay's JSON routes: POSTs $ASSAY_BODY to the URL with the API key in
-- $ASSAY_KEY. Used by `dotnet run -c Release --project bench/Assay.Bench -- services-load`
-- (or by hand: ASSAY_KEY=... ASSAY_BODY='{"input":"hi"}' wrk -t2 -c64 -d10s --latency -s bench/wrk/post-json.lua http://127.0.0.1:5080/v1/embeddings).
-- Without $ASSAY_BODY it sends GETs (the /health peer).
local body = os.getenv("ASSAY_BODY")
if body then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("ASSAY_KEY") or "")

-- Percentiles in microseconds, parsed by the bench runner; wrk itself reports
-- "Non-2xx or 3xx responses" and socket errors, which the runner counts as errors.
function done(summary, latency, requests)
  io.write(string.format("p99_us %d\n", latency:percentile(99)))
  io.write(string.format("p50_us %d\n", latency:percentile(50)))
end
