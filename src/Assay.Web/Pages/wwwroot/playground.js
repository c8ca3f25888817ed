// The workshop's what-if playground: re-ranks a study's models in the browser as the weights,
// monthly volume, budget and minimum quality change. Inputs come from summary.json
// (p90 client latency, mean cost per call, the primary quality metric); nothing is sent back.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  let study = null; // { name, metric, rows: [{ model, isSource, latency, cost, quality }] }

  // Pure ranking, exported for reuse: min-max normalised latency and cost (lower is better:
  // 1 - (x - min)/(max - min); 1 when all equal), quality as reported (0..1), weighted mean.
  function rank(rows, w, volume, budget, minQuality) {
    const span = (key) => {
      const xs = rows.map((r) => r[key]).filter((x) => x != null);
      return { min: Math.min(...xs), max: Math.max(...xs) };
    };
    const lat = span("latency"); const cost = span("cost");
    const norm = (x, s) => (x == null ? 0 : s.max === s.min ? 1 : 1 - (x - s.min) / (s.max - s.min));
    const total = w.latency + w.cost + w.quality;
    return rows.map((r) => {
      const score = total === 0 ? 0 : (w.latency * norm(r.latency, lat) + w.cost * norm(r.cost, cost) + w.quality * (r.quality ?? 0)) / total;
      const monthly = r.cost == null ? null : r.cost * volume;
      const reasons = [];
      if (monthly == null) { reasons.push("no price"); } else if (monthly > budget) { reasons.push("over budget"); }
      if (r.quality == null) { reasons.push("no quality score"); } else if (r.quality < minQuality) { reasons.push("quality below minimum"); }
      return Object.assign({}, r, { score, monthly, meets: reasons.length === 0, reasons });
    }).sort((a, b) => b.score - a.score || a.model.localeCompare(b.model));
  }

  function fromSummary(name, summary) {
    if (!summary || !Array.isArray(summary.models)) { throw new Error("This is not a study summary.json: it has no 'models' array."); }
    const metric = (summary.settings && summary.settings.primary_quality_metric) || (summary.pareto && summary.pareto.quality_metric);
    const value = (e) => (e && typeof e.value === "number" ? e.value : null);
    const rows = summary.models.map((m) => ({
      model: m.model,
      isSource: !!m.is_source,
      latency: value(m.latency_ms && m.latency_ms.client && m.latency_ms.client.p90),
      cost: value(m.cost_per_call_usd),
      quality: metric && m.quality ? value(m.quality[metric]) : null,
    }));
    const weights = summary.decision && summary.decision.weighted_score && summary.decision.weighted_score.weights;
    return { name: summary.study || name, metric, rows, weights, volume: summary.settings && summary.settings.monthly_volume };
  }

  function num(id) { return Number($(id).value); }

  function fmt(x, digits) { return x == null ? "n/a" : x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 2) }); }

  function render() {
    const outs = { "w-latency": (v) => v, "w-cost": (v) => v, "w-quality": (v) => v, "volume": (v) => Number(v).toLocaleString("en-US") + " calls", "budget": (v) => "$" + Number(v).toLocaleString("en-US"), "min-quality": (v) => Number(v).toFixed(2) };
    for (const [id, f] of Object.entries(outs)) { $(id + "-out").textContent = f($(id).value); }
    if (!study) { return; }
    const ranked = rank(study.rows, { latency: num("w-latency"), cost: num("w-cost"), quality: num("w-quality") }, num("volume"), num("budget"), num("min-quality"));
    const body = $("pg-table").tBodies[0];
    body.replaceChildren();
    ranked.forEach((r, i) => {
      const tr = document.createElement("tr");
      tr.dataset.model = r.model;
      const cells = [
        [String(i + 1), "num"], [r.model + (r.isSource ? " (source)" : ""), ""], [fmt(r.score, 3), "num"],
        [fmt(r.latency, 0), "num"], [fmt(r.cost, 6), "num"], [fmt(r.monthly, 2), "num"], [fmt(r.quality, 3), "num"],
        [r.meets ? "yes" : "no: " + r.reasons.join(", "), r.meets ? "yes" : "no"],
      ];
      for (const [text, cls] of cells) { const td = document.createElement("td"); td.textContent = text; if (cls) { td.className = cls; } tr.append(td); }
      body.append(tr);
    });
    const meeting = ranked.filter((r) => r.meets && !r.isSource).map((r) => r.model);
    $("pg-status").textContent = "Study " + study.name + ", quality metric " + (study.metric || "n/a") + ". " +
      (meeting.length ? "Candidates meeting the criteria: " + meeting.join(", ") + "." : "No candidate meets the budget and minimum quality.");
    $("pg-table").hidden = false;
  }

  function use(loaded) {
    study = loaded;
    if (loaded.weights) {
      const sum = loaded.weights.latency + loaded.weights.cost + loaded.weights.quality;
      if (sum > 0) {
        $("w-latency").value = Math.round(10 * loaded.weights.latency / sum);
        $("w-cost").value = Math.round(10 * loaded.weights.cost / sum);
        $("w-quality").value = Math.round(10 * loaded.weights.quality / sum);
      }
    }
    if (loaded.volume) { $("volume").value = loaded.volume; }
    render();
  }

  async function loadStudy(name) {
    $("pg-status").textContent = "";
    if (!name) { return; }
    try {
      use(fromSummary(name, await Assay.json("/v1/studies/" + encodeURIComponent(name) + "/summary.json")));
    } catch (e) {
      Assay.report("playground")(e);
    }
  }

  Assay.loaders.playground = async () => {
    const select = $("pg-study");
    const data = await Assay.json("/v1/studies/");
    const wanted = sessionStorage.getItem("assay.pgStudy") || select.value;
    select.replaceChildren(new Option("(choose a study)", ""));
    for (const s of data.studies.filter((x) => x.hasSummary)) { select.append(new Option(s.name, s.name)); }
    if (wanted && data.studies.some((s) => s.name === wanted && s.hasSummary)) {
      select.value = wanted;
      sessionStorage.removeItem("assay.pgStudy");
      await loadStudy(wanted);
    }
    render();
  };

  document.addEventListener("DOMContentLoaded", () => {
    $("pg-form").addEventListener("input", render);
    // Moved out of an inline onsubmit: the pages' CSP runs no inline code.
    $("pg-form").addEventListener("submit", (e) => e.preventDefault());
    $("pg-study").addEventListener("change", (e) => loadStudy(e.target.value));
    $("pg-file").addEventListener("change", async (e) => {
      const file = e.target.files[0];
      if (!file) { return; }
      try {
        use(fromSummary(file.name, JSON.parse(await file.text())));
      } catch (err) {
        $("pg-status").textContent = file.name + ": " + err.message;
      }
    });
    render();
  });
})();
