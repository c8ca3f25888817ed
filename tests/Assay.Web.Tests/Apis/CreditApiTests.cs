using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assay.Credit.Config;
using Assay.Credit.Outputs;
using Assay.Credit.Pipeline;
using Assay.Credit.Scorecard;
using Assay.Testing;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Apis;

/// <summary>The credit scoring API over a scorecard fitted on the bundled German credit data.</summary>
public sealed class CreditApiTests
{
    private static readonly Lazy<string> Scorecard = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "assay-web-credit-" + Guid.NewGuid().ToString("N")[..8]);
        RunWriter.Write(CreditPipeline.Run(ConfigLoader.Load(SharedData.InRepo("samples/credit/german-credit.yaml"))), dir, DateTimeOffset.UnixEpoch);
        return Path.Combine(dir, "scorecard.json");
    });

    private static string Data => SharedData.InRepo("samples/credit/germancredit.csv");

    // The first rows of the data file as the API takes them: field name to raw text.
    private static List<Dictionary<string, string>> Applicants(int count)
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(Data) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (rows.Count < count && parser.ReadFields() is { } fields)
        {
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }

        return rows;
    }

    [Fact]
    public async Task Score_ThreeApplicants_SameScoresPdAndReasonsAsTheCommandLine()
    {
        await using var server = await TestServer.StartAsync((o, _) => o.Credit.Scorecards["german"] = Scorecard.Value);
        var response = await server.Client().PostAsJsonAsync("/v1/credit/scorecards/german/score", new { applicants = Applicants(3) });

        var body = await Problems.JsonAsync(response);
        var expected = ScoringService.ScoreFile(ScorecardModel.Load(Scorecard.Value), Data).Take(3).ToList();
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal("german", body.GetProperty("scorecard").GetString());
        Assert.Equal(3, results.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i].Score, results[i].GetProperty("score").GetInt32());
            Assert.Equal(expected[i].Pd, results[i].GetProperty("pd").GetDouble(), 12);
            Assert.Equal(
                expected[i].Reasons.Select(r => (r.Variable, r.Class, r.PointsLost)),
                results[i].GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("variable").GetString()!, r.GetProperty("class").GetString()!, r.GetProperty("pointsLost").GetInt32())));
        }

        Assert.Contains(results, r => r.GetProperty("reasons").GetArrayLength() > 0);
    }

    [Fact]
    public async Task List_ConfiguredScorecard_ItsRangeAndInputs()
    {
        await using var server = await TestServer.StartAsync((o, _) => o.Credit.Scorecards["german"] = Scorecard.Value);
        var body = await Problems.JsonAsync(await server.Client().GetAsync(new Uri("/v1/credit/scorecards", UriKind.Relative)));
        var card = Assert.Single(body.GetProperty("scorecards").EnumerateArray());
        Assert.Equal("german", card.GetProperty("name").GetString());
        Assert.True(card.GetProperty("inputs").GetArrayLength() > 0);
        Assert.True(card.GetProperty("maxScore").GetInt32() > card.GetProperty("minScore").GetInt32());
    }

    [Fact]
    public async Task Score_MissingField_400NamingTheApplicantAndField()
    {
        await using var server = await TestServer.StartAsync((o, _) => o.Credit.Scorecards["german"] = Scorecard.Value);
        var applicant = Applicants(1)[0];
        var field = ScorecardModel.Load(Scorecard.Value).Inputs[0].Name;
        applicant.Remove(field);
        var response = await server.Client().PostAsJsonAsync("/v1/credit/scorecards/german/score", new { applicants = new[] { Applicants(1)[0], applicant } });

        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains($"applicants[1]: record: field '{field}' is missing", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_UnknownScorecard_404ListingTheServedOnes()
    {
        await using var server = await TestServer.StartAsync((o, _) => o.Credit.Scorecards["german"] = Scorecard.Value);
        var response = await server.Client().PostAsJsonAsync("/v1/credit/scorecards/other/score", new { applicants = Applicants(1) });
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("this server serves german", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_NoApplicants_400SayingHowMany()
    {
        await using var server = await TestServer.StartAsync((o, _) => o.Credit.Scorecards["german"] = Scorecard.Value);
        var response = await server.Client().PostAsJsonAsync("/v1/credit/scorecards/german/score", new { applicants = Array.Empty<object>() });
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("send 1 to 10000", detail, StringComparison.Ordinal);
    }
}
