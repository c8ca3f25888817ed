using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Assay.Embeddings.Provider;
using Assay.Models;
using Assay.Names;
using Assay.Services.Chat;
using Assay.Services.Configuration;
using Assay.Services.Images;
using Assay.Services.Rag;
using Assay.Services.Rag.Answers;
using Assay.Services.Rag.Evaluation;
using Assay.Services.Rag.Index;
using Assay.Services.Summaries;
using Assay.Web.Hosting;
using Assay.Web.Security;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay serve</c> and the command-line twins of its routes: <c>summarize</c>, <c>chat</c>,
/// <c>rag ingest|ask|search|eval</c>, <c>image</c> (issue 6). The twins act as tenant
/// <c>--tenant</c> (default <c>local</c>) on the same data folder the server uses.
/// </summary>
internal static class ServiceCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a terminal, not a web page: keep quotes and bullets readable
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly Option<FileInfo?> ConfigOption = new("--config") { Description = "assay.yaml with a services: section (models, storage, API keys, data folder)." };
    private static readonly Option<string> TenantOption = new("--tenant") { Description = "Whose indexes and conversations to use (the server maps each API key to a tenant).", DefaultValueFactory = _ => "local" };

    public static IEnumerable<Command> Create() => [Serve(), Summarize(), Chat(), Rag(), Image()];

    private static ServicesOptions LoadOptions(ParseResult parse) => ServicesConfigLoader.Load(parse.GetValue(ConfigOption)?.FullName);

    private static ModelFactory CreateModels() => new(new ModelFactoryOptions(), [new LocalModelProvider()]);

    private static Command Serve()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:5080.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var hashKey = new Option<string?>("--hash-key") { Description = "Print the SHA-256 to put in services.apiKeys for this key, and exit." };
        var newKey = new Option<string?>("--new-key") { Description = "Make a new random key for the named tenant, print it and its config entry, and exit." };
        var command = new Command("serve", "Serve summaries, chat, embeddings, RAG and images over HTTP (OpenAPI at /openapi/v1.json; every route but GET /health needs an API key).")
        {
            urls, ConfigOption, hashKey, newKey,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(hashKey) is { } key)
            {
                await output.WriteLineAsync(ApiKeyRegistry.Hash(key));
                return ExitCodes.Ok;
            }

            if (parse.GetValue(newKey) is { } tenant)
            {
                NameRules.Validate(tenant, "Tenant");
                var made = ApiKeyRegistry.NewKey();
                await output.WriteLineAsync($"key (give it to the client; it is not stored): {made}");
                await output.WriteLineAsync($"config entry:\nservices:\n  apiKeys:\n    - tenant: {tenant}\n      sha256: {ApiKeyRegistry.Hash(made)}");
                return ExitCodes.Ok;
            }

            var options = LoadOptions(parse);
            if (options.ApiKeys.Count == 0)
            {
                throw new AssayException("No API keys configured: every route but /health needs one. Make one with 'assay serve --new-key TENANT' and add its entry under services.apiKeys in assay.yaml.", ExitCodes.SetupMissing);
            }

            using var models = CreateModels();
            await using var app = AssayServer.Build(new ServerSettings(options, models)
            {
                Urls = parse.GetValue(urls)!,
                Studies = new Assay.Web.Studies.StudyRunSettings { Directory = options.Studies.Directory, MaxRunning = options.Studies.MaxRunning },
            });
            await app.StartAsync(ct);
            await output.WriteLineAsync($"assay serve: listening on {string.Join(", ", app.Addresses())}; {options.ApiKeys.Count} API key(s); data in {options.DataDir}; Ctrl-C stops");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C is how the server ends.
            }

            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Summarize()
    {
        var file = new Argument<string>("FILE") { Description = "The incident report (text file), or - for standard input." };
        var lines = new Option<int?>("--lines") { Description = "Limit the text summary to N lines." };
        var command = new Command("summarize", "Summarise an incident report into equipment, location, problem, actions taken, next steps, urgency and text (offline: extractive, labelled so).") { file, lines, ConfigOption };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var text = path == "-" ? await Console.In.ReadToEndAsync(ct) : await ReadTextAsync(path, ct);
            using var models = CreateModels();
            var summary = await new SummaryService(models, LoadOptions(parse)).SummarizeAsync(new SummaryRequest(text, parse.GetValue(lines)), ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(summary, Json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Chat()
    {
        var message = new Argument<string>("MESSAGE") { Description = "What to say." };
        var conversation = new Option<string>("--conversation") { Description = "Conversation id; turns are kept per id.", DefaultValueFactory = _ => "cli" };
        var memory = new Option<string?>("--memory") { Description = "Memory strategy: full, last-k, token-budget or summary (default from config: last-k)." };
        var command = new Command("chat", "Send one message to a conversation with memory and stream the answer (from services.chat.model; without one, from the offline method services.chat.offline, labelled).") { message, conversation, memory, ConfigOption, TenantOption };
        command.SetAction(async (parse, ct) =>
        {
            using var models = CreateModels();
            var options = LoadOptions(parse);
            var chat = new ChatService(models, options, TimeProvider.System);
            var output = parse.InvocationConfiguration.Output;
            await using var exchange = await chat.StartAsync(parse.GetValue(TenantOption)!, parse.GetValue(conversation)!, parse.GetValue(message)!, parse.GetValue(memory), ct);
            await foreach (var delta in exchange.StreamAsync(ct))
            {
                await output.WriteAsync(delta);
                await output.FlushAsync(ct);
            }

            await output.WriteLineAsync();
            await parse.InvocationConfiguration.Error.WriteLineAsync($"[{ChatSource(exchange.Model)}, memory {exchange.Memory}, {exchange.HistoryMessages} earlier messages in the prompt]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ChatSource(string model) => model.StartsWith("offline:", StringComparison.Ordinal)
        ? $"offline: {model["offline:".Length..]} (no chat model configured; the answer quotes, nothing was generated)"
        : $"model {model}";

    private static Command Rag()
    {
        var index = new Option<string>("--index") { Description = "Index name.", Required = true };
        var rag = new Command("rag", "HR answers from documents: ingest, ask, search, eval.");

        var files = new Argument<string[]>("FILES") { Description = "PDF, DOCX, Markdown or text files.", Arity = ArgumentArity.OneOrMore };
        var ingest = new Command("ingest", "Add documents to an index (unchanged files, by SHA-256, are skipped).") { files, index, ConfigOption, TenantOption };
        ingest.SetAction(async (parse, ct) =>
        {
            using var models = CreateModels();
            var service = new RagService(models, LoadOptions(parse), TimeProvider.System);
            foreach (var path in parse.GetValue(files)!)
            {
                var result = await service.IngestAsync(parse.GetValue(TenantOption)!, parse.GetValue(index)!, Path.GetFileName(path), await ReadBytesAsync(path, ct), ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Status,-9} {result.FileName}: {result.Pages} pages, {result.Chunks} passages ({result.EmbeddingModel}{(result.TokenCounting is null ? "" : "; tokens " + result.TokenCounting)})"));
            }

            return ExitCodes.Ok;
        });

        var question = new Argument<string>("QUESTION");
        var ask = new Command("ask", "Answer a question with citations (file, page, quote), or say it is not in the documents.") { question, index, ConfigOption, TenantOption };
        ask.SetAction(async (parse, ct) =>
        {
            using var models = CreateModels();
            var answer = await new RagService(models, LoadOptions(parse), TimeProvider.System).AskAsync(parse.GetValue(TenantOption)!, parse.GetValue(index)!, parse.GetValue(question)!, ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(answer, Json));
            return ExitCodes.Ok;
        });

        var query = new Argument<string>("QUERY");
        var k = new Option<int>("--k") { Description = "Passages to return.", DefaultValueFactory = _ => 5 };
        var mode = new Option<SearchMode>("--mode") { Description = "hybrid (BM25 + vectors, RRF), bm25 or vector.", DefaultValueFactory = _ => SearchMode.Hybrid };
        var search = new Command("search", "Ranked passages for a query.") { query, index, k, mode, ConfigOption, TenantOption };
        search.SetAction(async (parse, ct) =>
        {
            using var models = CreateModels();
            var hits = await new RagService(models, LoadOptions(parse), TimeProvider.System).SearchAsync(parse.GetValue(TenantOption)!, parse.GetValue(index)!, parse.GetValue(query)!, parse.GetValue(mode), parse.GetValue(k), ct);
            foreach (var hit in hits)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{hit.Score,8:F4}  {hit.Chunk.FileName} p.{hit.Chunk.Page}  relevance {hit.Relevance:F3}  {Shorten(hit.Chunk.Text, 100)}"));
            }

            return ExitCodes.Ok;
        });

        var qa = new Argument<string>("QA_JSONL") { Description = "Question set: one JSON object per line (question, file, page, evidence; or answerable: false)." };
        var evalK = new Option<int>("--k") { Description = "Cut-off for recall@k and nDCG@k.", DefaultValueFactory = _ => 3 };
        var minRecall = new Option<double?>("--min-recall") { Description = "Gate: exit 3 when hybrid recall@k is below this (0..1)." };
        var split = new Option<string>("--split") { Description = "Only the questions of this split: dev, test or all (the default prints each split).", DefaultValueFactory = _ => "all" };
        split.AcceptOnlyFromAmong("all", "dev", "test");
        var eval = new Command("eval", "Retrieval quality on a labelled question set (recall@k, MRR, nDCG@k for bm25, vector and hybrid) and the offline answerability checks per split (dev/test) with 95% intervals and every miss; fits the answer settings on dev only.") { qa, index, evalK, minRecall, split, ConfigOption, TenantOption };
        eval.SetAction(async (parse, ct) =>
        {
            using var models = CreateModels();
            var options = LoadOptions(parse);
            var service = new RagService(models, options, TimeProvider.System);
            var only = parse.GetValue(split)!;
            var items = QaSetReader.Read(parse.GetValue(qa)!).Where(i => only == "all" || i.Split == only).ToList();
            var report = await new RetrievalEvaluator(service).EvaluateAsync(parse.GetValue(TenantOption)!, parse.GetValue(index)!, items, parse.GetValue(evalK), RelevanceGate.From(options.Rag), options.Rag.TopK, ct);
            await parse.InvocationConfiguration.Output.WriteAsync(EvaluationReportWriter.Format(report));
            var hybrid = report.Modes.Single(m => m.Mode == SearchMode.Hybrid);
            if (parse.GetValue(minRecall) is { } gate && hybrid.RecallAtK < gate)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"GATE FAILED: hybrid recall@{hybrid.K} {hybrid.RecallAtK:F3} < {gate:F3}"));
                return ExitCodes.GateFailed;
            }

            return ExitCodes.Ok;
        });

        rag.Subcommands.Add(ingest);
        rag.Subcommands.Add(ask);
        rag.Subcommands.Add(search);
        rag.Subcommands.Add(eval);
        return rag;
    }

    private static Command Image()
    {
        var prompt = new Argument<string>("PROMPT");
        var count = new Option<int>("--count") { DefaultValueFactory = _ => 1 };
        var size = new Option<string>("--size") { DefaultValueFactory = _ => "1024x1024" };
        var quality = new Option<string>("--quality") { DefaultValueFactory = _ => "standard" };
        var cfg = new Option<double?>("--cfg-scale");
        var seed = new Option<long?>("--seed");
        var command = new Command("image", "Generate images with the configured image model and store them (S3 or local folder); prints object names and time-limited links.") { prompt, count, size, quality, cfg, seed, ConfigOption, TenantOption };
        command.SetAction(async (parse, ct) =>
        {
            using var models = CreateModels();
            var options = LoadOptions(parse);
            var store = Assay.Services.Images.Storage.ImageStores.Create(options, TimeProvider.System);
            var service = new ImageService(models, options, TimeProvider.System, store);
            var result = await service.GenerateAsync(parse.GetValue(TenantOption)!, new ImageRequest(parse.GetValue(prompt)!, parse.GetValue(count), parse.GetValue(size)!, parse.GetValue(quality)!, parse.GetValue(cfg), parse.GetValue(seed)), ct);
            foreach (var image in result.Images)
            {
                var where = store is Assay.Services.Images.Storage.LocalImageStore ? Path.Combine(options.Images.LocalDir, image.Key) : image.Url.ToString();
                await parse.InvocationConfiguration.Output.WriteLineAsync($"{image.ObjectName}  {image.Bytes} bytes  {where}");
            }

            (store as IDisposable)?.Dispose();
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<string> ReadTextAsync(string path, CancellationToken ct) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : throw new AssayException($"File '{path}' not found.");

    private static async Task<byte[]> ReadBytesAsync(string path, CancellationToken ct) =>
        File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : throw new AssayException($"File '{path}' not found.");

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
