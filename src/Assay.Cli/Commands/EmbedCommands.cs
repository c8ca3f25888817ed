using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Assay.Embeddings.Provider;
using Assay.Models;
using Microsoft.Extensions.AI;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay embed "text" [--model ID] [--json]</c> (issue 3): embeds one text and prints the
/// dimension, the input token count and the first values, or with <c>--json</c> one object
/// <c>{model, dimensions, tokens, embedding}</c>. Text <c>-</c> reads standard input.
/// </summary>
internal static class EmbedCommands
{
    private const int ShownValues = 8;

    public static IEnumerable<Command> Create()
    {
        var text = new Argument<string>("text") { Description = "The text to embed; '-' reads it from standard input." };
        var model = new Option<string>("--model")
        {
            Description = "Embedding model id (default local:use-lite, the offline Universal Sentence Encoder lite).",
            DefaultValueFactory = _ => "local:use-lite",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: model, dimensions, tokens, embedding." };
        var command = new Command("embed", "Embed a text with an embedding model and print its vector.");
        command.Arguments.Add(text);
        command.Options.Add(model);
        command.Options.Add(json);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var input = parseResult.GetValue(text) ?? string.Empty;
            if (input == "-")
            {
                input = await Console.In.ReadToEndAsync(cancellationToken);
            }

            var id = ModelId.Parse(parseResult.GetValue(model) ?? "local:use-lite");
            using var generator = CreateGenerator(id);
            var result = await generator.GenerateAsync([input], cancellationToken: cancellationToken);
            var embedding = result[0];
            var tokens = result.Usage?.InputTokenCount;
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                var payload = new Dictionary<string, object?>
                {
                    ["model"] = id.ToString(),
                    ["dimensions"] = embedding.Vector.Length,
                    ["tokens"] = tokens,
                    ["embedding"] = embedding.Vector.ToArray(),
                };
                await output.WriteLineAsync(JsonSerializer.Serialize(payload));
                return ExitCodes.Ok;
            }

            var first = string.Join(", ", embedding.Vector.Span[..Math.Min(ShownValues, embedding.Vector.Length)].ToArray()
                .Select(v => v.ToString("F6", CultureInfo.InvariantCulture)));
            await output.WriteLineAsync($"model       {id}");
            await output.WriteLineAsync($"dimensions  {embedding.Vector.Length}");
            await output.WriteLineAsync($"tokens      {(tokens is null ? "not reported" : tokens.Value.ToString(CultureInfo.InvariantCulture))}{(embedding.AdditionalProperties?.ContainsKey("truncated") == true ? " (the model read the first 128)" : string.Empty)}");
            await output.WriteLineAsync($"first {ShownValues}     [{first}, ...]");
            return ExitCodes.Ok;
        });
        return [command];
    }

    /// <summary>
    /// Until the model factory (Assay.Models) is wired in, only the local provider is built here;
    /// then this becomes <c>factory.CreateEmbeddingGenerator(id)</c>.
    /// </summary>
    private static IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(ModelId id) =>
        id.Provider == "local"
            ? new LocalModelProvider().CreateEmbeddingGenerator(id)
            : throw new AssayException($"assay embed runs local models for now ('{id}' belongs to the {id.Provider} provider): use --model local:use-lite.");
}
