using System.Globalization;
using System.Text;

namespace Assay.Migration.Evaluation.Judges;

/// <summary>The prompts put to a judge: one response against a rubric, or two responses side by side.</summary>
internal static class JudgePrompts
{
    public const string System = "You are a careful, impartial evaluator. You answer with one JSON object and nothing else.";

    public static string Pointwise(JudgeRubric rubric, string task, string? reference, string response)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Evaluate the RESPONSE to the TASK below on one question.");
        sb.AppendLine();
        sb.AppendLine("Question: " + rubric.Question);
        sb.AppendLine();
        if (rubric.Scale == JudgeScale.FiveLevels)
        {
            sb.AppendLine("Score on this scale:");
            for (var i = 0; i < rubric.Levels.Count; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{i + 1} = {rubric.Levels[i]}").AppendLine();
            }
        }
        else
        {
            sb.AppendLine("Answer 1 for yes and 0 for no.");
        }

        sb.AppendLine();
        Block(sb, "TASK", task);
        if (rubric.UsesReference && !string.IsNullOrWhiteSpace(reference))
        {
            Block(sb, "REFERENCE ANSWER (written by a person)", reference);
        }

        Block(sb, "RESPONSE", response);
        var range = rubric.Scale == JudgeScale.FiveLevels ? "an integer from 1 to 5" : "0 or 1";
        sb.AppendLine("Give your reasons first, briefly, then the score. Answer with exactly this JSON:");
        sb.Append(CultureInfo.InvariantCulture, $"{{\"reasons\": \"...\", \"score\": <{range}>}}");
        return sb.ToString();
    }

    public static string Pairwise(JudgeRubric rubric, string task, string? reference, string responseA, string responseB)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Compare two responses, A and B, to the same TASK on one question. Their order is arbitrary; length is not a merit in itself.");
        sb.AppendLine();
        sb.AppendLine("Question: " + rubric.Question);
        sb.AppendLine();
        Block(sb, "TASK", task);
        if (rubric.UsesReference && !string.IsNullOrWhiteSpace(reference))
        {
            Block(sb, "REFERENCE ANSWER (written by a person)", reference);
        }

        Block(sb, "RESPONSE A", responseA);
        Block(sb, "RESPONSE B", responseB);
        var better = rubric.Scale == JudgeScale.YesNo
            ? "the response for which the answer to the question is more clearly NO"
            : "the better response on this question";
        sb.AppendLine($"Choose {better}, or \"tie\" if neither is. Give your reasons first, briefly. Answer with exactly this JSON:");
        sb.Append("{\"reasons\": \"...\", \"winner\": \"A\" | \"B\" | \"tie\"}");
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, string title, string text)
    {
        sb.AppendLine("<<<" + title);
        sb.AppendLine(text.Trim());
        sb.AppendLine(">>>");
        sb.AppendLine();
    }
}
