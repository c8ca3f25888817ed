using Assay.Migration.Prompts;
using Assay.Migration.Runs;
using Assay.Models.Tokenization;

namespace Assay.Migration.Tests.Prompts;

public class TokenInflationTests
{
    [Fact]
    public void Measure_TemplateRepeatingDocument_AboutTwiceTheSource()
    {
        var doc = string.Join(' ', Enumerable.Repeat("The compressor on unit four tripped twice overnight.", 20));
        var items = new[] { new StudyItem { ItemId = "a", Row = 1, Document = doc } };
        var source = new PromptTemplate("Summarise:\n{context}");
        var doubled = new PromptTemplate("Summarise:\n{context}\nHere it is again:\n{context}");
        var inflation = TokenInflation.Measure("c", doubled, source, items, EstimatedTokenCounter.Instance);
        Assert.InRange(inflation.Ratio, 1.9, 2.05);
        Assert.Contains("estimated", inflation.Method, StringComparison.Ordinal);
    }
}
