// The Chat page: answers stream as server-sent events; while the model is called the answer
// says so and counts the seconds; a failed call shows the server's ProblemDetails (title and
// detail) with a Retry button; the conversation's history comes from the server on load, on a
// reload and when the conversation changes, chosen from the list of this key's conversations.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const lastId = "assay.chatId";
  let pending = null; // the message to send again on Retry
  let shown = null; // the conversation whose history is on screen
  let loads = 0; // bumped by every history load and send, so a late history answer never lands on newer turns

  function turn(role, text) {
    const li = Assay.el("li", { class: role }, Assay.el("span", { class: "sr-only" }, role === "user" ? "You: " : "Assistant: "));
    li.append(text);
    return li;
  }

  function showError(message, text) {
    $("chat-error").textContent = message;
    pending = text;
    $("chat-retry").hidden = text == null;
  }

  let known = new Set(); // this key's conversation ids, from the server's list

  async function listConversations() {
    const data = await Assay.json("/v1/chats/");
    known = new Set(data.conversations.map((c) => c.id));
    const select = $("chat-list");
    const current = $("chat-id").value;
    select.replaceChildren(Assay.el("option", { value: "" }, data.conversations.length ? "(choose one of your conversations)" : "(no conversations yet)"));
    for (const c of data.conversations) {
      select.append(Assay.el("option", { value: c.id }, c.id + " (" + c.messages + " messages)"));
    }
    select.value = data.conversations.some((c) => c.id === current) ? current : "";
  }

  async function loadHistory(id) {
    const log = $("chat-log");
    log.replaceChildren();
    $("chat-meta").textContent = "";
    shown = id;
    const token = ++loads;
    if (!id) { return; }
    // Only conversations the server listed have a history; any other id starts a new one.
    if (!known.has(id)) { $("chat-status").textContent = "New conversation " + id + ": nothing said yet."; return; }
    sessionStorage.setItem(lastId, id);
    const response = await Assay.api("/v1/chats/" + encodeURIComponent(id) + "/messages");
    if (!response.ok) { showError(await Assay.problem(response), null); return; }
    const data = await response.json();
    if (token !== loads) { return; } // the user moved on (or sent) while it loaded
    for (const t of data.turns) { log.append(turn(t.role, t.content)); }
    $("chat-status").textContent = "Conversation " + id + ": " + data.turns.length + " messages loaded from the server.";
  }

  function showMeta(reply) {
    const u = reply.usage;
    // Without a chat model the server answers by an offline method and reports it as "offline:METHOD".
    const model = reply.model.startsWith("offline:")
      ? "offline: " + reply.model.slice("offline:".length) + " (no chat model configured; the answer quotes, nothing was generated)"
      : "Model " + reply.model;
    const parts = [model, "memory strategy: " + reply.memory + " (" + reply.historyMessages + " earlier messages in the prompt)"];
    if (u) {
      parts.push(u.inputTokens + " input / " + u.outputTokens + " output tokens" + (u.tokensEstimated ? " (estimated)" : ""));
      if (u.timeToFirstTokenMs != null) { parts.push("first token " + Math.round(u.timeToFirstTokenMs) + " ms"); }
      if (u.latencyMs != null) { parts.push("latency " + Math.round(u.latencyMs) + " ms"); }
      if (u.costUsd != null) { parts.push("cost " + u.costUsd + " USD"); }
    }
    $("chat-meta").textContent = parts.join(" · ");
  }

  async function send(text) {
    loads++;
    showError("", null);
    const id = $("chat-id").value.trim();
    const log = $("chat-log");
    const question = turn("user", text);
    const answer = Assay.el("li", { class: "assistant", "aria-busy": "true" }, Assay.el("span", { class: "sr-only" }, "Assistant: "));
    const waiting = Assay.el("span", { class: "waiting" }, "Waiting for the model…");
    answer.append(waiting);
    log.append(question, answer);
    const button = $("chat-send");
    button.disabled = true;
    const started = Date.now();
    const status = $("chat-status");
    status.textContent = "Calling the model…";
    const timer = setInterval(() => { status.textContent = "Calling the model… " + Math.round((Date.now() - started) / 1000) + " s"; }, 1000);
    try {
      const body = { message: text, stream: true };
      if ($("chat-memory").value) { body.memory = $("chat-memory").value; }
      const response = await Assay.api("/v1/chats/" + encodeURIComponent(id) + "/messages", {
        method: "POST", // problem+json too: without it the server has no format to explain an error in and sends an empty 400.
        headers: { "Content-Type": "application/json", "Accept": "text/event-stream, application/problem+json" }, body: JSON.stringify(body),
      });
      if (!response.ok) { throw new Error(await Assay.problem(response)); }
      await Assay.events(response, (name, payload) => {
        if (name === "delta") {
          waiting.remove();
          answer.append(payload.text);
          answer.dataset.deltas = String(Number(answer.dataset.deltas || 0) + 1);
        }
        if (name === "done") { showMeta(payload); }
      });
      waiting.remove();
      status.textContent = "";
      sessionStorage.setItem(lastId, id);
      shown = id;
      listConversations().catch(() => {});
    } catch (e) {
      question.remove();
      answer.remove();
      status.textContent = "";
      if (!(e instanceof Assay.AuthError)) { showError(e.message, text); }
    } finally {
      clearInterval(timer);
      answer.removeAttribute("aria-busy");
      button.disabled = false;
    }
  }

  Assay.loaders.chat = async () => {
    const id = sessionStorage.getItem(lastId);
    if (id) { $("chat-id").value = id; }
    await listConversations();
    if ($("chat-id").value !== shown) { await loadHistory($("chat-id").value.trim()); }
  };

  document.addEventListener("DOMContentLoaded", () => {
    $("chat-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const input = $("chat-input");
      const text = input.value.trim();
      if (!text) { return; }
      input.value = "";
      send(text);
    });
    $("chat-retry").addEventListener("click", () => { if (pending != null) { send(pending); } });
    $("chat-id").addEventListener("change", () => { $("chat-list").value = ""; loadHistory($("chat-id").value.trim()).catch(Assay.report("chat")); });
    $("chat-list").addEventListener("change", (e) => {
      if (!e.target.value) { return; }
      $("chat-id").value = e.target.value;
      loadHistory(e.target.value).catch(Assay.report("chat"));
    });
  });
})();
