// The what-if playground. It opens with the study's own decision criteria from summary.json
// (non-inferiority margins, latency ceiling, minimum cost cut, preference rule), so on load it
// recommends what the report recommends; change them and it decides again in the browser, with
// the same rules as the study. The workshop's weighted score is a secondary ranking, with a line
// saying why its order differs from the decision. Nothing is sent back.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  let study = null;

  const value = (e) => (e && typeof e.value === "number" ? e.value : null);
  const interval = (e) => (e && typeof e.lower === "number" && typeof e.upper === "number" ? [e.lower, e.upper] : null);

  function fromSummary(name, summary) {
    if (!summary || !Array.isArray(summary.models)) { throw new Error("This is not a study summary.json: it has no 'models' array."); }
    const metric = (summary.settings && summary.settings.primary_quality_metric) || (summary.pareto && summary.pareto.quality_metric);
    const criteria = summary.criteria || { quality: [], latency: null, min_cost_reduction_percent: null, prefer: "lowest_cost" };
    const lat = criteria.latency || { statistic: "p90", kind: "client" };
    const kindKey = { client: "client", server: "server", first_token: "first_token", "first-token": "first_token" }[lat.kind] || "client";
    const rows = summary.models.map((m) => {
      const l = m.latency_ms && m.latency_ms[kindKey] && m.latency_ms[kindKey][lat.statistic || "p90"];
      const p90 = m.latency_ms && m.latency_ms.client && m.latency_ms.client.p90;
      const q = metric && m.quality ? m.quality[metric] : null;
      return {
        model: m.model, isSource: !!m.is_source,
        latency: value(p90), latencyCi: interval(p90), criterionLatency: value(l),
        cost: value(m.cost_per_call_usd), costCi: interval(m.cost_per_call_usd),
        quality: value(q), qualityCi: interval(q),
      };
    });
    const ws = summary.decision && summary.decision.weighted_score;
    return {
      name: summary.study || name, metric, rows, criteria, latencyRule: lat,
      comparisons: Array.isArray(summary.comparisons) ? summary.comparisons : [],
      weights: ws && ws.weights, volume: summary.settings && summary.settings.monthly_volume,
      recommended: summary.decision ? summary.decision.recommended_model || null : undefined,
    };
  }

  // Min-max normalised latency and cost (lower is better: 1 - (x - min)/(max - min); 1 when all equal), quality as reported, weighted mean.
  function weighted(rows, w) {
    const span = (key) => { const xs = rows.map((r) => r[key]).filter((x) => x != null); return { min: Math.min(...xs), max: Math.max(...xs) }; };
    const lat = span("latency"); const cost = span("cost");
    const norm = (x, s) => (x == null ? 0 : s.max === s.min ? 1 : 1 - (x - s.min) / (s.max - s.min));
    const total = w.latency + w.cost + w.quality;
    const scores = {};
    for (const r of rows) {
      scores[r.model] = total === 0 ? 0 : (w.latency * norm(r.latency, lat) + w.cost * norm(r.cost, cost) + w.quality * (r.quality ?? 0)) / total;
    }
    return scores;
  }

  // The study's decision (DecisionMaker): every criterion must hold; a criterion that cannot be evaluated fails.
  function decide(s, c, scores, volume, budget) {
    const source = s.rows.find((r) => r.isSource);
    const verdicts = s.rows.filter((r) => !r.isSource).map((r) => {
      const fails = [];
      for (const q of c.quality) {
        const cmp = s.comparisons.find((x) => x.candidate === r.model && x.metric === q.metric);
        const d = cmp && cmp.difference;
        if (!d || typeof d.lower !== "number" || typeof d.upper !== "number") { fails.push(q.metric + ": no interval"); continue; }
        const lower = cmp.higher_is_better === false ? -d.upper : d.lower;
        if (!(lower > -q.margin)) { fails.push(q.metric + " not non-inferior at margin " + q.margin); }
      }
      if (c.latencyMax != null) {
        if (r.criterionLatency == null) { fails.push("no latency figure"); } else if (r.criterionLatency > c.latencyMax) { fails.push("latency above " + c.latencyMax + " ms"); }
      } else if (c.latencyTolerance != null) {
        const limit = source && source.criterionLatency != null ? source.criterionLatency * (1 + c.latencyTolerance / 100) : null;
        if (limit == null || r.criterionLatency == null || r.criterionLatency > limit) { fails.push("latency above the source's + " + c.latencyTolerance + "%"); }
      }
      if (c.minCut != null) {
        if (r.cost == null || !source || source.cost == null || source.cost <= 0) { fails.push("cost cut unknown (no price)"); } else if ((source.cost - r.cost) / source.cost * 100 < c.minCut) { fails.push("cost cut below " + c.minCut + "%"); }
      }
      if (budget != null && r.cost != null && r.cost * volume > budget) { fails.push("over budget"); }
      return { row: r, fails, stated: c.quality.length > 0 || c.latencyMax != null || c.latencyTolerance != null || c.minCut != null };
    });
    const passing = verdicts.filter((v) => v.stated && v.fails.length === 0).map((v) => v.row);
    const by = {
      highest_quality: (a, b) => (b.quality ?? -Infinity) - (a.quality ?? -Infinity),
      weighted_score: (a, b) => scores[b.model] - scores[a.model],
      lowest_cost: (a, b) => (a.cost ?? Infinity) - (b.cost ?? Infinity) || (a.latency ?? Infinity) - (b.latency ?? Infinity),
    }[c.prefer] || ((a, b) => (a.cost ?? Infinity) - (b.cost ?? Infinity));
    passing.sort(by);
    return { verdicts, chosen: passing.length ? passing[0].model : null };
  }

  // ---- inputs
  const logInputs = [["volume", 1000, 1e8], ["budget", 1, 1e7]];

  function criteriaForm(s) {
    const box = $("pg-criteria");
    box.replaceChildren();
    const add = (id, label, val, attrs, hint) => {
      const wrap = Assay.el("div", {});
      wrap.append(Assay.el("label", { for: id }, label));
      wrap.append(Assay.el("input", Object.assign({ id, type: "number", value: val == null ? "" : String(val), inputmode: "decimal" }, attrs)));
      if (hint) { wrap.append(Assay.el("span", { class: "meta" }, hint)); }
      box.append(wrap);
    };
    s.criteria.quality.forEach((q, i) => add("pg-margin-" + i, "Margin for " + q.metric, q.margin, { step: "0.005", min: "0" }, "non-inferior when the difference's lower end is above minus this"));
    const lat = s.criteria.latency;
    if (!lat || lat.max_ms != null) {
      add("pg-latency-max", "Latency ceiling (ms, " + (lat ? lat.statistic + " " + lat.kind : "p90 client") + ")", lat ? lat.max_ms : null, { step: "any", min: "0" }, "empty: no ceiling");
    } else {
      add("pg-latency-tol", "Latency tolerance vs source (%)", lat.tolerance_percent, { step: "any", min: "0" });
    }
    add("pg-min-cut", "Minimum cost reduction (%)", s.criteria.min_cost_reduction_percent, { step: "any" }, "empty: not a criterion");
    const prefer = Assay.el("select", { id: "pg-prefer" });
    for (const [v, t] of [["lowest_cost", "lowest cost"], ["highest_quality", "highest quality"], ["weighted_score", "weighted score"]]) { prefer.append(Assay.el("option", { value: v }, t)); }
    prefer.value = s.criteria.prefer || "lowest_cost";
    const wrap = Assay.el("div", {}, Assay.el("label", { for: "pg-prefer" }, "Among those meeting every criterion, prefer"), prefer);
    box.append(wrap);
  }

  function numberOrNull(id) { const e = $(id); if (!e || e.value.trim() === "") { return null; } const n = Number(e.value); return Number.isFinite(n) ? n : null; }

  function currentCriteria() {
    return {
      quality: study.criteria.quality.map((q, i) => ({ metric: q.metric, margin: numberOrNull("pg-margin-" + i) ?? q.margin })),
      latencyMax: $("pg-latency-max") ? numberOrNull("pg-latency-max") : null,
      latencyTolerance: $("pg-latency-tol") ? numberOrNull("pg-latency-tol") : null,
      minCut: numberOrNull("pg-min-cut"),
      prefer: $("pg-prefer").value,
    };
  }

  function fmt(x, digits) { return x == null ? "n/a" : x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 2) }); }
  // Sub-millisecond latencies in µs, small ones to 2 significant digits, always with the unit.
  function ms(x) { return x == null ? "n/a" : x === 0 ? "0 ms" : x < 1 ? fmt(x * 1000, x < 0.01 ? 1 : 0) + " µs" : fmt(x, x < 10 ? 1 : 0) + " ms"; }
  function usd(x, ci) { if (x == null) { return "price unknown"; } if (x === 0 && (!ci || ci[1] === 0)) { return "free (offline)"; } return "$" + fmt(x, 6) + (ci ? " [" + fmt(ci[0], 6) + ", " + fmt(ci[1], 6) + "]" : ""); }
  function withCi(x, ci, f) { return f(x) + (ci ? " [" + f(ci[0]) + ", " + f(ci[1]) + "]" : ""); }

  function whyNot(row, d, crit) {
    if (row.isSource) { return "is the source, which is never recommended"; }
    const fails = d.verdicts.find((x) => x.row.model === row.model).fails;
    return fails.length ? "fails " + fails.join("; ") : "the study prefers the " + crit.prefer.replace("_", " ") + " among the candidates meeting every criterion, which is " + d.chosen;
  }

  function render() {
    for (const id of ["w-latency", "w-cost", "w-quality"]) { $(id + "-out").textContent = $(id).value; }
    if (!study) { $("pg-results").hidden = true; return; }
    const volume = numberOrNull("volume") ?? 0;
    const budget = numberOrNull("budget");
    const scores = weighted(study.rows, { latency: Number($("w-latency").value), cost: Number($("w-cost").value), quality: Number($("w-quality").value) });
    const crit = currentCriteria();
    const d = decide(study, crit, scores, volume, budget);
    const rec = $("pg-recommendation");
    rec.dataset.model = d.chosen || "";
    rec.className = "callout " + (d.chosen ? "ok" : "fail");
    rec.replaceChildren(Assay.el("strong", {}, d.chosen ? "Recommended: " + d.chosen : "No candidate meets every criterion"));
    if (study.recommended !== undefined) {
      const same = (study.recommended || null) === d.chosen;
      rec.append(Assay.el("p", { id: "pg-agreement" }, same
        ? "The same as the study's report" + (study.recommended ? " (" + study.recommended + ")." : " (no recommendation).")
        : "The study's report recommends " + (study.recommended || "no model") + " with its own criteria; this differs because the criteria or budget above were changed."));
    }

    const ranked = study.rows.slice().sort((a, b) => scores[b.model] - scores[a.model] || a.model.localeCompare(b.model));
    const body = $("pg-table").tBodies[0];
    body.replaceChildren();
    ranked.forEach((r, i) => {
      const v = d.verdicts.find((x) => x.row.model === r.model);
      const meets = r.isSource ? "source (the model being replaced)" : v.fails.length === 0 && v.stated ? "yes" : "no: " + (v.stated ? v.fails.join("; ") : "no criteria stated");
      const tr = document.createElement("tr");
      tr.dataset.model = r.model;
      const cells = [
        ["Rank", String(i + 1), "num"], ["Model", r.model + (r.isSource ? " (source)" : ""), "model"], ["Weighted score", fmt(scores[r.model], 3), "num"],
        ["p90 latency", withCi(r.latency, r.latencyCi, ms), "num"], ["Cost per call", usd(r.cost, r.costCi), "num"],
        ["Monthly cost (USD)", r.cost == null ? "price unknown" : fmt(r.cost * volume, 2), "num"],
        ["Quality (" + (study.metric || "n/a") + ")", withCi(r.quality, r.qualityCi, (x) => fmt(x, 3)), "num"],
        ["Meets the criteria", meets, r.isSource ? "" : meets === "yes" ? "yes" : "no"],
      ];
      for (const [label, text, cls] of cells) { const td = document.createElement("td"); td.textContent = text; td.dataset.label = label; if (cls) { td.className = cls; } tr.append(td); }
      body.append(tr);
    });
    const top = ranked.find((r) => !r.isSource) && ranked[0].model;
    $("pg-why").textContent = !d.chosen
      ? "No candidate meets every criterion, so the weighted order is not a recommendation: it ranks every model, including those that fail."
      : top === d.chosen
        ? "The weighted order agrees with the decision: " + d.chosen + " ranks first."
        : "Why the weighted order differs from the decision: " + top + " ranks first here but " + whyNot(ranked[0], d, crit) +
          ". The decision keeps only candidates that meet every criterion; this score stretches each latency and cost gap to 0..1 over these models, however small.";
    $("pg-status").textContent = "Study " + study.name + ", quality metric " + (study.metric || "n/a") + ". Intervals: the study's bootstrap intervals from summary.json.";
    $("pg-results").hidden = false;
  }

  function use(loaded) {
    study = loaded;
    criteriaForm(loaded);
    if (loaded.weights) {
      const sum = loaded.weights.latency + loaded.weights.cost + loaded.weights.quality;
      if (sum > 0) {
        $("w-latency").value = Math.round(10 * loaded.weights.latency / sum);
        $("w-cost").value = Math.round(10 * loaded.weights.cost / sum);
        $("w-quality").value = Math.round(10 * loaded.weights.quality / sum);
      }
    }
    if (loaded.volume) { $("volume").value = loaded.volume; syncLog("volume"); }
    render();
  }

  // A log-scale slider drives a typed number input (and the other way round), so 1,000 to 100,000,000 can be set finely.
  function syncLog(id) { const n = Number($(id).value); if (n > 0) { $(id + "-log").value = String(Math.log10(n)); } }
  function fromLog(id) { $(id).value = String(Number(Math.pow(10, Number($(id + "-log").value)).toPrecision(2))); }

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
    $("pg-form").addEventListener("submit", (e) => e.preventDefault());
    $("pg-form").addEventListener("input", (e) => {
      for (const [id] of logInputs) {
        if (e.target.id === id + "-log") { fromLog(id); }
        if (e.target.id === id) { syncLog(id); }
      }
      render();
    });
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
    for (const [id] of logInputs) { syncLog(id); }
    render();
  });
})();
