using Assay.Services.Rag.Evaluation;

namespace Assay.Services.Tests.Rag.Evaluation;

public sealed class QaSetReaderTests
{
    [Fact]
    public void Read_HandbookQuestionSet_AnswerableAndUnanswerable()
    {
        var items = QaSetReader.Read(Path.Combine(AppContext.BaseDirectory, "Data", "hr", "handbook_qa.jsonl"));
        Assert.True(items.Count(i => i.Answerable) >= 15);
        Assert.True(items.Count(i => !i.Answerable) >= 5);
    }

    [Theory]
    [InlineData("{\"question\": \"x\"}", "line 2", "evidence")]
    [InlineData("not json", "line 2", "not valid JSON")]
    [InlineData("{\"file\": \"a.pdf\"}", "line 2", "question")]
    public void Read_BadLine_ErrorNamesFileLineAndField(string badLine, string line, string field)
    {
        var path = Path.GetTempFileName();
        File.WriteAllLines(path, ["{\"question\": \"ok?\", \"answerable\": false}", badLine]);
        try
        {
            var ex = Assert.Throws<AssayException>(() => QaSetReader.Read(path));
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains(line, ex.Message, StringComparison.Ordinal);
            Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
