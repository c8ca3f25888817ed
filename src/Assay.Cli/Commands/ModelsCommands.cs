using System.CommandLine;
using System.Globalization;
using Assay.Models;
using Assay.Models.Catalog;
using Assay.Models.Metering;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay models list</c> (the price catalog with dates and stale flags) and
/// <c>assay complete --model ID "prompt" [--stream]</c> (the answer on stdout, then the
/// metering line on stderr, so a script can capture the answer alone) (issue 2).
/// </summary>
internal static class ModelsCommands
{
    public static IEnumerable<Command> Create() => [List(), Complete()];

    private static Option<FileInfo?> PricesOption() =>
        new("--prices") { Description = "YAML prices file merged over the shipped catalog (default: ASSAY_PRICES)." };

    private static Command List()
    {
        var prices = PricesOption();
        var list = new Command("list", "Show the price catalog: US dollars per 1,000 tokens, context window, the date and source of each price; prices older than 90 days are flagged.") { prices };
        list.SetAction(parseResult =>
        {
            var catalog = PriceCatalog.Load(parseResult.GetValue(prices)?.FullName ?? Environment.GetEnvironmentVariable(PriceCatalog.OverrideVariable));
            WriteCatalog(catalog, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime), parseResult.InvocationConfiguration.Output);
            return 0;
        });
        var models = new Command("models", "Models Assay can call and what they cost.") { list };
        return models;
    }

    internal static void WriteCatalog(PriceCatalog catalog, DateOnly today, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("model id");
        table.AddColumn(new TableColumn("input $/1K").RightAligned());
        table.AddColumn(new TableColumn("output $/1K").RightAligned());
        table.AddColumn(new TableColumn("cached in $/1K").RightAligned());
        table.AddColumn(new TableColumn("batch in/out $/1K").RightAligned());
        table.AddColumn(new TableColumn("context").RightAligned());
        table.AddColumn("as of");
        table.AddColumn("stale");
        table.AddColumn("source");
        foreach (var p in catalog.Entries.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            var stale = p.IsStale(today) ? $"yes ({today.DayNumber - p.AsOf.DayNumber} days)" : "no";
            table.AddRow(
                Markup.Escape(p.Id + (p.Aliases.Count > 0 ? $" (= {string.Join(", ", p.Aliases)})" : string.Empty)),
                Price(p.InputPer1K),
                Price(p.OutputPer1K),
                p.CachedInputPer1K is { } c ? Price(c) : "-",
                p.BatchInputPer1K is { } bi ? $"{Price(bi)} / {(p.BatchOutputPer1K is { } bo ? Price(bo) : "-")}" : "-",
                p.ContextWindow?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                p.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                stale,
                Markup.Escape(p.Source + (p.Origin == "built-in" ? string.Empty : $" [from {p.Origin}]")));
        }

        console.Write(table);
        var staleCount = catalog.Entries.Count(e => e.IsStale(today));
        output.WriteLine($"{catalog.Entries.Count} prices in US dollars per 1,000 tokens; {staleCount} older than {PriceCatalog.StaleAfterDays} days: check them at their source and override them in a prices file (ASSAY_PRICES or --prices).");
    }

    private static Command Complete()
    {
        var model = new Option<string>("--model") { Description = "Model id, e.g. openai:gpt-4o-mini, bedrock:amazon.nova-lite-v1:0, openai-compatible:http://127.0.0.1:11434/v1#llama3.1, replay:calls.csv, extractive:lead.", Required = true };
        var prompt = new Argument<string>("prompt") { Description = "The user message." };
        var stream = new Option<bool>("--stream") { Description = "Stream the answer as it is generated (measures time to first token)." };
        var system = new Option<string?>("--system") { Description = "A system message sent before the prompt." };
        var maxTokens = new Option<int?>("--max-tokens") { Description = "Most output tokens to generate." };
        var temperature = new Option<float?>("--temperature") { Description = "Sampling temperature (e.g. 0 for the most likely answer)." };
        var cache = new Option<FileInfo?>("--cache") { Description = "SQLite response cache; a repeated call is answered from it, marked cached." };
        var prices = PricesOption();
        var command = new Command("complete", "Send one prompt to a model; print the answer, then a metering line (latency, time to first token, tokens, cost, attempts) on stderr.")
        {
            model, prompt, stream, system, maxTokens, temperature, cache, prices,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var factory = new ModelFactory(new ModelFactoryOptions
            {
                PricesPath = parseResult.GetValue(prices)?.FullName,
                CachePath = parseResult.GetValue(cache)?.FullName,
            });
            var request = new CompleteRequest(
                parseResult.GetValue(model)!,
                parseResult.GetValue(prompt)!,
                parseResult.GetValue(system),
                parseResult.GetValue(stream),
                new ChatOptions { MaxOutputTokens = parseResult.GetValue(maxTokens), Temperature = parseResult.GetValue(temperature) });
            return await RunCompleteAsync(factory, request, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    internal sealed record CompleteRequest(string ModelId, string Prompt, string? System, bool Stream, ChatOptions Options);

    internal static async Task<int> RunCompleteAsync(ModelFactory factory, CompleteRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var client = factory.CreateChatClient(request.ModelId);
        List<ChatMessage> messages = [];
        if (!string.IsNullOrWhiteSpace(request.System))
        {
            messages.Add(new ChatMessage(ChatRole.System, request.System));
        }

        messages.Add(new ChatMessage(ChatRole.User, request.Prompt));
        CallMetrics? metrics;
        if (request.Stream)
        {
            metrics = null;
            await foreach (var update in client.GetStreamingResponseAsync(messages, request.Options, cancellationToken))
            {
                await output.WriteAsync(update.Text);
                await output.FlushAsync(cancellationToken);
                metrics = update.GetCallMetrics() ?? metrics;
            }

            await output.WriteLineAsync();
        }
        else
        {
            var response = await client.GetResponseAsync(messages, request.Options, cancellationToken);
            await output.WriteLineAsync(response.Text);
            metrics = response.GetCallMetrics();
            if (response.AdditionalProperties?.TryGetValue("assay.method", out var method) == true)
            {
                await error.WriteLineAsync($"method: {method}");
            }
        }

        if (metrics is not null)
        {
            var price = factory.Prices.Find(metrics.ModelId);
            await error.WriteLineAsync(MeteringLine.Format(metrics, price, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime)));
        }

        return 0;
    }

    private static string Price(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
