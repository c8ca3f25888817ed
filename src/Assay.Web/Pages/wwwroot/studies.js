// Running migration studies from the Studies page: start one (a bundled sample, or an uploaded
// or pasted study file with its data files), then follow its progress as server-sent events
// (calls done of total per model, failures, the evaluation stage). Runs live on the server, so
// a reload re-attaches to every run of this key that is still going.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const { api, json, el, problem, events, openReport, AuthError } = Assay;
  const following = new Set();
  let samplesLoaded = false;

  async function loadSamples() {
    if (samplesLoaded) { return; }
    const data = await json("/v1/studies/samples");
    const select = $("run-sample");
    select.replaceChildren(...data.samples.map((s) => el("option", { value: s.id }, s.name + " (samples/" + s.id + ")")));
    const describe = () => {
      const s = data.samples.find((x) => x.id === select.value);
      $("run-sample-info").textContent = s ? "Source: " + s.source + "; candidates: " + s.candidates.join(", ") + "." : "No bundled samples on this server.";
    };
    select.onchange = describe;
    describe();
    if (data.samples.length === 0) { $("run-kind-upload").checked = true; showKind(); }
    samplesLoaded = true;
  }

  async function loadRuns() {
    const data = await json("/v1/studies/runs");
    for (const run of data.runs.slice().reverse()) { render(run); }
    for (const run of data.runs) {
      if (run.status === "running") { follow(run.id); }
    }
  }

  function showKind() {
    const upload = $("run-kind-upload").checked;
    $("run-upload-fields").hidden = !upload;
    $("run-sample-fields").hidden = upload;
  }

  async function start(event) {
    event.preventDefault();
    $("run-error").textContent = "";
    const form = new FormData();
    if ($("run-kind-sample").checked) {
      if (!$("run-sample").value) { $("run-error").textContent = "Choose a bundled sample."; return; }
      form.append("sample", $("run-sample").value);
    } else {
      const file = $("run-file").files[0];
      const text = $("run-text").value.trim();
      if (file && text) { $("run-error").textContent = "Give the study either as a file or as pasted text, not both."; return; }
      if (!file && !text) { $("run-error").textContent = "Choose a study file or paste the study YAML."; $("run-file").focus(); return; }
      if (file) { form.append("study", file, file.name); } else { form.append("study", text); }
      for (const f of $("run-data").files) { form.append("file", f, f.name); }
    }
    const button = event.target.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const response = await api("/v1/studies/runs", { method: "POST", body: form });
      if (!response.ok) { throw new Error(await problem(response)); }
      const run = await response.json();
      render(run);
      follow(run.id);
    } catch (e) {
      if (!(e instanceof AuthError)) { $("run-error").textContent = e.message; }
    } finally {
      button.disabled = false;
    }
  }

  // Follows one run until it ends; a dropped stream (server restart, network) is retried, then polled.
  async function follow(id) {
    if (following.has(id)) { return; }
    following.add(id);
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        let last = null;
        try {
          const response = await api("/v1/studies/runs/" + encodeURIComponent(id), { headers: { "Accept": "text/event-stream" } });
          if (!response.ok) { throw new Error(await problem(response)); }
          await events(response, (name, run) => {
            if (name === "error") { throw new Error(run.detail || run.title || "the progress stream failed"); }
            last = run; render(run);
          });
        } catch (e) {
          if (e instanceof AuthError) { return; }
          if (attempt === 4) { runNode(id).querySelector(".run-error").textContent = "Lost the progress of this run: " + e.message; return; }
        }
        if (last && last.status !== "running") {
          if (last.status === "succeeded") { await Assay.loaders.listStudies(); }
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000 * (attempt + 1)));
      }
    } finally {
      following.delete(id);
    }
  }

  function runNode(id) {
    let node = document.querySelector('article.run[data-id="' + CSS.escape(id) + '"]');
    if (!node) {
      const heading = "run-h-" + id.replace(/[^A-Za-z0-9_-]/g, "_");
      node = el("article", { class: "run", "data-id": id, "aria-labelledby": heading },
        el("h3", { id: heading }),
        el("p", { class: "run-status" }),
        el("progress", { max: "1", value: "0", "aria-label": "Calls done" }),
        el("table", { class: "run-models" }, el("caption", {}, "Calls per model"),
          el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Model"), el("th", { scope: "col" }, "Done"), el("th", { scope: "col" }, "Total"), el("th", { scope: "col" }, "Failed"))),
          el("tbody")),
        el("p", { class: "run-evaluation meta" }),
        el("details", { class: "run-messages" }, el("summary", {}, "Messages")),
        el("p", { class: "run-error error", role: "alert" }),
        el("p", { class: "run-decision" }),
        el("div", { class: "run-actions" }));
      $("runs").prepend(node);
    }
    return node;
  }

  // Screen readers hear a run start and end, not every progress update.
  function announce(run, previous) {
    if (previous === run.status) { return; }
    const text = { running: "Study " + run.study + " started.", succeeded: "Study " + run.study + " finished. " + (run.decision || ""), failed: "Study " + run.study + " failed: " + (run.error || ""), cancelled: "Study " + run.study + " cancelled." }[run.status];
    $("run-announce").textContent = text;
  }

  function render(run) {
    const node = runNode(run.id);
    const previous = node.dataset.status;
    node.dataset.status = run.status;
    if (previous !== undefined || run.status === "running") { announce(run, previous); }
    node.querySelector("h3").textContent = run.study + " ";
    node.querySelector("h3").append(el("span", { class: "meta" }, run.id + " · " + run.origin));
    const c = run.calls;
    const state = { running: "Running", succeeded: "Finished", failed: "Failed", cancelled: "Cancelled" }[run.status];
    node.querySelector(".run-status").textContent = state + (run.status === "running" ? " (" + run.stage + ")" : "") + ": " + c.done + " of " + c.total + " calls done" +
      (c.failed > 0 ? ", " + c.failed + " failed" : "") + (c.resumed > 0 ? ", " + c.resumed + " kept from an earlier run" : "") + ".";
    const bar = node.querySelector("progress");
    bar.max = Math.max(1, c.total);
    bar.value = run.status === "succeeded" ? bar.max : c.done;
    bar.textContent = c.done + " / " + c.total;
    node.querySelector("tbody").replaceChildren(...run.models.map((m) => el("tr", { "data-model": m.model },
      el("td", {}, m.model), el("td", { class: "num" }, m.done), el("td", { class: "num" }, m.total || "…"), el("td", { class: m.failed > 0 ? "num no" : "num" }, m.failed))));
    const ev = run.evaluation;
    node.querySelector(".run-evaluation").textContent = ev ? "Evaluation: " + ev.stage + " " + ev.done + " of " + ev.total + "." : "";
    const messages = node.querySelector(".run-messages");
    messages.replaceChildren(el("summary", {}, "Messages (" + run.messages.length + ")"), el("ul", {}, ...run.messages.map((m) => el("li", {}, m))));
    node.querySelector(".run-error").textContent = run.error || "";
    node.querySelector(".run-decision").textContent = run.decision ? "Decision: " + run.decision : "";
    const actions = node.querySelector(".run-actions");
    actions.replaceChildren();
    if (run.status === "running") {
      actions.append(el("button", { type: "button", class: "secondary", "aria-label": "Cancel " + run.id, onclick: () => cancel(run.id) }, "Cancel"));
    }
    if (run.report) {
      actions.append(el("button", { type: "button", "aria-label": "Open report of run " + run.id, onclick: () => openReport(run.id) }, "Open report"));
    }
  }

  async function cancel(id) {
    try {
      render(await json("/v1/studies/runs/" + encodeURIComponent(id), { method: "DELETE" }));
    } catch (e) {
      if (!(e instanceof AuthError)) { runNode(id).querySelector(".run-error").textContent = e.message; }
    }
  }

  // The Studies page lists outputs (app.js) and, here, the runs and the start form.
  Assay.loaders.listStudies = Assay.loaders.studies;
  Assay.loaders.studies = async () => {
    await Promise.all([Assay.loaders.listStudies(), loadSamples(), loadRuns()]);
  };

  document.addEventListener("DOMContentLoaded", () => {
    $("run-form").addEventListener("submit", start);
    $("run-kind-sample").addEventListener("change", showKind);
    $("run-kind-upload").addEventListener("change", showKind);
  });
})();
