// Assay pages: a small shell with hash routes. The API key lives in sessionStorage only and is
// sent as "Authorization: Bearer"; any 401 clears it and shows the sign-in form, never data.
"use strict";

const Assay = (() => {
  const keyName = "assay.apiKey";
  const pages = ["studies", "playground", "chat", "hr", "images"];
  const $ = (id) => document.getElementById(id);

  function key() { return sessionStorage.getItem(keyName); }

  class AuthError extends Error {}

  function showLogin(message) {
    sessionStorage.removeItem(keyName);
    for (const p of pages) { $("page-" + p).hidden = true; }
    $("logout").hidden = true;
    $("login").hidden = false;
    $("login-error").textContent = message || "";
    $("api-key").value = "";
    $("api-key").focus();
  }

  async function api(path, init) {
    if (!key()) { showLogin(); throw new AuthError("no key"); }
    const options = Object.assign({}, init || {});
    options.headers = Object.assign({}, options.headers || {}, { "Authorization": "Bearer " + key() });
    const response = await fetch(path, options);
    if (response.status === 401) {
      showLogin("That API key was not accepted. Enter a valid key.");
      throw new AuthError("unauthorised");
    }
    return response;
  }

  // The message a user can act on from a ProblemDetails body (or the status line).
  async function problem(response) {
    try {
      const body = await response.json();
      return (body.title ? body.title + ": " : "") + (body.detail || "") || ("HTTP " + response.status);
    } catch {
      return "HTTP " + response.status + " " + response.statusText;
    }
  }

  async function json(path, init) {
    const response = await api(path, init);
    if (!response.ok) { throw new Error(await problem(response)); }
    return response.json();
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") { node.className = v; } else if (k.startsWith("on")) { node.addEventListener(k.slice(2), v); } else { node.setAttribute(k, v); }
    }
    for (const c of children) { node.append(c instanceof Node ? c : document.createTextNode(String(c))); }
    return node;
  }

  const loaders = {};

  // Server-sent events over fetch + ReadableStream (EventSource cannot send the API key):
  // calls onEvent(name, parsed JSON) for each event until the server ends the stream.
  async function events(response, onEvent) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) { return; }
      buffer += value.replace(/\r\n/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = "message"; const data = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) { name = line.slice(6).trim(); } else if (line.startsWith("data:")) { data.push(line.slice(5).replace(/^ /, "")); }
        }
        if (data.length > 0) { onEvent(name, JSON.parse(data.join("\n"))); }
      }
    }
  }

  function route() {
    if (!key()) { showLogin(); return; }
    $("login").hidden = true;
    $("logout").hidden = false;
    const name = pages.includes(location.hash.slice(1)) ? location.hash.slice(1) : "studies";
    for (const p of pages) { $("page-" + p).hidden = p !== name; }
    for (const a of document.querySelectorAll("nav a")) {
      if (a.dataset.page === name) { a.setAttribute("aria-current", "page"); } else { a.removeAttribute("aria-current"); }
    }
    document.title = $(name + "-title").textContent + " - Assay";
    if (loaders[name]) { loaders[name]().catch(report(name)); }
  }

  function report(name) {
    return (e) => {
      if (e instanceof AuthError) { return; }
      const target = $(({ studies: "studies-list", playground: "pg-status", chat: "chat-error", hr: "hr-error", images: "img-error" })[name]);
      target.textContent = e.message;
    };
  }

  // ---- Studies
  loaders.studies = async () => {
    const list = $("studies-list");
    const data = await json("/v1/studies/");
    list.replaceChildren();
    if (data.studies.length === 0) {
      list.append(el("p", {}, "No study outputs on this server yet. Start one above, or run 'assay migrate' with its output in the studies folder (ASSAY_STUDIES_DIR, or the data folder's 'studies')."));
      return;
    }
    const ul = el("ul", { class: "studies" });
    for (const s of data.studies) {
      const li = el("li", {}, el("strong", {}, s.name), " ", el("span", { class: "muted" }, s.shared ? "(shared on this server)" : "(yours)"), " ");
      if (s.hasReport) { li.append(el("button", { type: "button", class: "link", "aria-label": "Open report of " + s.name, onclick: () => openReport(s.name) }, "Open report")); }
      if (s.hasSummary) { li.append(" ", el("a", { href: "#playground", "aria-label": "Playground with " + s.name, onclick: () => { sessionStorage.setItem("assay.pgStudy", s.name); } }, "Playground")); }
      ul.append(li);
    }
    list.append(ul);
  };

  async function openReport(name) {
    const response = await api("/v1/studies/" + encodeURIComponent(name) + "/report.html");
    if (!response.ok) { $("studies-list").append(el("p", { class: "error" }, await problem(response))); return; }
    const blob = new Blob([await response.text()], { type: "text/html" });
    const frame = $("report-frame");
    if (frame.dataset.url) { URL.revokeObjectURL(frame.dataset.url); }
    frame.dataset.url = URL.createObjectURL(blob);
    frame.src = frame.dataset.url;
    $("report-title").textContent = "Report: " + name;
    $("report-frame-wrap").hidden = false;
    $("report-title").scrollIntoView();
  }

  // ---- Chat: chat.js

  // ---- HR answers
  function indexPath() { return "/v1/indexes/" + encodeURIComponent($("hr-index").value); }

  async function upload(event) {
    event.preventDefault();
    $("hr-error").textContent = "";
    const form = new FormData();
    for (const f of $("hr-file").files) { form.append("file", f, f.name); }
    $("hr-upload-status").textContent = "Uploading…";
    try {
      const data = await json(indexPath() + "/documents", { method: "POST", body: form });
      $("hr-upload-status").textContent = data.documents.map((d) => d.fileName + ": " + d.status + (d.chunks != null ? " (" + d.chunks + " passages)" : "")).join("; ");
    } catch (e) {
      $("hr-upload-status").textContent = "";
      report("hr")(e);
    }
  }

  async function ask(event) {
    event.preventDefault();
    $("hr-error").textContent = "";
    $("hr-quote").hidden = true;
    const target = $("hr-answer");
    target.replaceChildren(el("p", {}, "Searching…"));
    try {
      const data = await json(indexPath() + "/ask", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question: $("hr-question").value }) });
      // Line breaks in the answer and quotes are kept (CSS white-space: pre-line on .answer and blockquote).
      target.replaceChildren(
        el("h2", {}, data.found ? "Answer" : "Not in the documents"),
        el("p", { class: "answer" }, data.answer),
        el("p", { class: "meta" }, "Method: " + data.method + (data.method === "extractive" ? " (offline: quoted sentences, no model wrote this)" : "") + " · chosen by " + data.modelSetting),
        el("p", { class: "meta" }, "Decided by the " + data.check + " check: " + data.reason));
      if (data.citations.length > 0) {
        const list = el("ol", { class: "citations", "aria-label": "Citations" });
        for (const c of data.citations) {
          list.append(el("li", {},
            el("a", { href: pageHref(c), class: "cite", onclick: (e) => { e.preventDefault(); showPage(c); } }, "[" + c.number + "] " + c.file + ", page " + c.page),
            el("blockquote", {}, c.quote)));
        }
        target.append(el("h3", {}, "Sources"), list);
      }
    } catch (e) {
      target.replaceChildren();
      report("hr")(e);
    }
  }

  function pageHref(c) {
    return indexPath() + "/pages?file=" + encodeURIComponent(c.file) + "&page=" + c.page + "&quote=" + encodeURIComponent(c.quote);
  }

  // The cited page's text from the server, the quoted passage marked where the server found it.
  async function showPage(c) {
    const box = $("hr-quote");
    try {
      const page = await json(pageHref(c));
      const text = el("pre", { class: "page-text" });
      let at = 0;
      for (const m of page.marks) {
        text.append(page.text.slice(at, m.start), el("mark", {}, page.text.slice(m.start, m.start + m.length)));
        at = m.start + m.length;
      }
      text.append(page.text.slice(at));
      box.replaceChildren(el("p", { class: "meta" }, "[" + c.number + "] " + c.file + ", page " + c.page + (page.marks.length === 0 ? " · the quote was not found on the page text" : "")), text);
      box.hidden = false;
      box.focus();
      const mark = box.querySelector("mark");
      if (mark) { mark.scrollIntoView({ block: "center" }); }
    } catch (e) {
      report("hr")(e);
    }
  }

  // ---- Images: say up front when no image model is configured (there is no offline one), rather than offer a button that can only fail.
  loaders.images = async () => {
    const status = await json("/v1/images/model");
    const button = $("img-form").querySelector("button[type=submit]");
    button.disabled = !status.configured;
    $("img-status").textContent = status.configured
      ? "Image model: " + status.model + " (stored in " + status.storage + ")."
      : "No image model is configured on this server, so images cannot be generated: set " + status.setting + " in assay.yaml (for example bedrock:amazon.nova-canvas-v1:0). There is no offline image model.";
    $("img-status").className = status.configured ? "meta" : "notice";
  };

  async function generate(event) {
    event.preventDefault();
    $("img-error").textContent = "";
    const target = $("img-result");
    target.replaceChildren(el("p", {}, "Generating…"));
    try {
      const data = await json("/v1/images/", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ prompt: $("img-prompt").value, size: $("img-size").value }) });
      target.replaceChildren(el("p", { class: "meta" }, "Model " + data.model + ", stored in " + data.storage));
      for (const img of data.images) {
        target.append(
          el("img", { src: img.url, alt: "Generated image for: " + $("img-prompt").value }),
          el("a", { href: img.url, download: img.objectName.split("/").pop() }, "Download " + img.objectName),
          el("p", { class: "meta" }, img.bytes + " bytes, link valid until " + img.expiresAt));
      }
    } catch (e) {
      target.replaceChildren();
      report("images")(e);
    }
  }

  function start() {
    $("login-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const candidate = $("api-key").value.trim();
      $("api-key").value = "";
      // Check the key against a data route before keeping it.
      const response = await fetch("/v1/studies/", { headers: { "Authorization": "Bearer " + candidate } });
      if (!response.ok) {
        $("login-error").textContent = response.status === 401 ? "That API key was not accepted. Enter a valid key." : await problem(response);
        $("api-key").focus();
        return;
      }
      sessionStorage.setItem(keyName, candidate);
      route();
      $("main").focus();
    });
    $("logout").addEventListener("click", () => showLogin("Signed out."));
    $("hr-upload").addEventListener("submit", upload);
    $("hr-ask").addEventListener("submit", ask);
    $("img-form").addEventListener("submit", generate);
    window.addEventListener("hashchange", route);
    route();
  }

  document.addEventListener("DOMContentLoaded", start);
  return { api, json, el, loaders, report, problem, events, openReport, AuthError };
})();
