using System.Globalization;
using System.Text.Json;
using Assay.Credit.Scorecard;
using Assay.Services.Configuration;
using Assay.Web.Credit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Assay.Web.Apis;

/// <summary>
/// Scoring with the configured PD scorecards: score, PD and adverse-action reason codes (the
/// variables that cost the applicant the most points against that variable's best class), the
/// same as <c>assay credit score</c>.
/// </summary>
internal static class CreditApi
{
    public static IEndpointRouteBuilder MapCreditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/credit/scorecards", List)
            .WithName("ListScorecards").WithTags("Credit")
            .WithSummary("The scorecards this server scores with: name, score range, the input fields each needs and how many reason codes it gives.");
        app.MapPost("/v1/credit/scorecards/{name}/score", Score)
            .WithName("ScoreApplicants").WithTags("Credit")
            .WithSummary("Scores applicants (their raw fields, as in the development data; null for a missing value): score, PD and reason codes ranked by points lost against the best class.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static Ok<ScorecardsResponse> List(ScorecardCatalog catalog) =>
        TypedResults.Ok(new ScorecardsResponse([.. catalog.Names.Order(StringComparer.Ordinal).Select(n =>
        {
            var card = catalog.Get(n);
            return new ScorecardInfo(n, card.MinScore, card.MaxScore, [.. card.Inputs.Select(i => i.Name)], card.ReasonCodes);
        })]));

    internal static Ok<ScoreResponse> Score(string name, ScoreBody body, ScorecardCatalog catalog, ServicesOptions options)
    {
        var card = catalog.Get(name);
        var applicants = body.Applicants ?? throw new AssayException("Field 'applicants' is missing: send { \"applicants\": [ { \"field\": value, ... } ] }.");
        if (applicants.Count == 0 || applicants.Count > options.Credit.MaxApplicantsPerRequest)
        {
            throw new AssayException($"Field 'applicants' has {applicants.Count} entries: send 1 to {options.Credit.MaxApplicantsPerRequest} (services.credit.maxApplicantsPerRequest) per request.");
        }

        var results = new List<ScoreResult>(applicants.Count);
        for (var i = 0; i < applicants.Count; i++)
        {
            var record = Record(applicants[i], i);
            ScoredApplicant scored;
            try
            {
                scored = ScoringService.ScoreRecord(card, record);
            }
            catch (AssayException ex)
            {
                throw new AssayException($"applicants[{i}]: {ex.Message}", ex.ExitCode, ex);
            }

            results.Add(new ScoreResult(i, scored.Id, scored.Score, scored.Pd, [.. scored.Reasons.Select(r => new ReasonView(r.Variable, r.Class, r.PointsLost))]));
        }

        return TypedResults.Ok(new ScoreResponse(name, results));
    }

    // Raw fields as the CSV reader would see them: numbers in invariant culture, true/false, null for missing.
    private static Dictionary<string, string?> Record(JsonElement applicant, int index)
    {
        if (applicant.ValueKind != JsonValueKind.Object)
        {
            throw new AssayException($"applicants[{index}] must be an object of field names and values.");
        }

        var record = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in applicant.EnumerateObject())
        {
            record[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw new AssayException($"applicants[{index}].{p.Name} must be a number, text, true/false or null."),
            };
        }

        return record;
    }
}

internal sealed record ScoreBody(IReadOnlyList<JsonElement>? Applicants);

internal sealed record ReasonView(string Variable, string Class, int PointsLost);

internal sealed record ScoreResult(int Index, string? Id, int Score, double Pd, IReadOnlyList<ReasonView> Reasons);

internal sealed record ScoreResponse(string Scorecard, IReadOnlyList<ScoreResult> Results);

internal sealed record ScorecardInfo(string Name, int MinScore, int MaxScore, IReadOnlyList<string> Inputs, int ReasonCodes);

internal sealed record ScorecardsResponse(IReadOnlyList<ScorecardInfo> Scorecards);
