#!/usr/bin/env bash
# Overload check: `assay serve` summarising with a fake-server model that answers 70% of calls
# with 429, under wrk with 64 connections. Prints the status histogram; the server must answer
# only 2xx or 429/502/503 ProblemDetails (Retry-After where the model gave one), never 500.
# Usage: bench/wrk/overload.sh [SECONDS]   (needs wrk: apt-get install wrk; builds Release)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 5; }
dotnet build -c Release src/Assay.Cli -v quiet -nologo >/dev/null
assay=(dotnet src/Assay.Cli/bin/Release/net10.0/assay.dll)
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
fake_port="$(free_port)"; serve_port="$(free_port)"
# The fake answers the summariser's JSON shape (a scripted reply), so the calls that get through succeed.
cat > "$work/faults.yaml" <<'YAML'
answers:
  mode: scripted
  scripts:
    - pattern: "(?s)Pump 4"
      reply: '{"equipment":"Pump 4","location":"north site","problem":"tripped on overload","actionsTaken":"breaker reset","nextSteps":null,"urgency":"medium","text":"Pump 4 tripped on overload; the crew reset the breaker."}'
faults:
  rateLimit: 0.7
  seed: 7
YAML
"${assay[@]}" fake-server --port "$fake_port" --config "$work/faults.yaml" > "$work/fake.log" 2>&1 &
pids+=($!)
key="assay_overload-$(date +%s%N)"
cat > "$work/assay.yaml" <<YAML
services:
  dataDir: data
  summaries:
    model: openai-compatible:http://127.0.0.1:$fake_port/v1#fake-chat
  allowedModels: ["openai-compatible:http://127.0.0.1:$fake_port/v1#*"]
  apiKeys:
    - tenant: load
      sha256: $("${assay[@]}" serve --hash-key "$key")
YAML
"${assay[@]}" serve --urls "http://127.0.0.1:$serve_port" --config "$work/assay.yaml" > "$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$serve_port/health" >/dev/null && break; sleep 0.2; done
echo "wrk: 64 connections, ${seconds}s, POST /v1/summaries; model fails 70% with 429; load average $(cut -d' ' -f1-3 /proc/loadavg)"
ASSAY_KEY="$key" ASSAY_BODY='{"text":"Pump 4 at the north site tripped on overload. The crew reset the breaker and logged it."}' \
  wrk -t2 -c64 -d"${seconds}s" -s bench/wrk/status-histogram.lua "http://127.0.0.1:$serve_port/v1/summaries" | tee "$work/wrk.txt"
bad="$(grep -E '^status [0-9]+:' "$work/wrk.txt" | awk '{s=$2+0} !(s<300 || s==429 || s==502 || s==503) {print}')"
if [ -n "$bad" ]; then echo "NOT met: statuses other than 2xx/429/502/503: $bad"; exit 1; fi
echo "met: only 2xx and 429/502/503"
