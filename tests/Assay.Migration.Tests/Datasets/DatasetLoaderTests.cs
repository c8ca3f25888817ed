using Assay.Migration.Datasets;
using Assay.Migration.Tests.TestDoubles;

namespace Assay.Migration.Tests.Datasets;

public class DatasetLoaderTests
{
    [Fact]
    public void Load_CsvWithoutMappedColumns_ErrorNamesFileAndColumnsFound()
    {
        using var files = new StudyFiles();
        var path = files.Write("bad.csv", "text,summary\n\"a\",\"b\"\n");
        var ex = Assert.Throws<AssayException>(() => DatasetLoader.Load(path, new DatasetColumns()));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'document'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'text', 'summary'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("documentColumn", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyDocument_ErrorNamesRow()
    {
        using var files = new StudyFiles();
        var path = files.Write("items.csv", "document,referenceResponse\n\"first\",\"r1\"\n\"\",\"r2\"\n");
        var ex = Assert.Throws<AssayException>(() => DatasetLoader.Load(path, new DatasetColumns()));
        Assert.Contains("row 2", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
    }

    [Fact]
    public void Load_MappedColumnsAndQuotedNewlines_ReadsItemsInOrder()
    {
        using var files = new StudyFiles();
        var path = files.Write("items.csv", "id,text,gold\n1,\"line one\nline two\",\"sum, one\"\n2,\"other\",\n");
        var data = DatasetLoader.Load(path, new DatasetColumns("text", "gold"));
        Assert.Equal(2, data.Items.Count);
        Assert.Equal("line one\nline two", data.Items[0].Document);
        Assert.Equal("sum, one", data.Items[0].Reference);
        Assert.Null(data.Items[1].Reference);
        Assert.Equal(2, data.Items[1].Row);
    }

    [Fact]
    public void Load_Jsonl_ReadsObjectsAndNamesBadLine()
    {
        using var files = new StudyFiles();
        var good = files.Write("items.jsonl", "{\"document\":\"a b\",\"referenceResponse\":\"a\"}\n\n{\"document\":\"c d\",\"referenceResponse\":\"c\"}\n");
        Assert.Equal(2, DatasetLoader.Load(good, new DatasetColumns()).Items.Count);
        var bad = files.Write("bad.jsonl", "{\"document\":\"a\",\"referenceResponse\":\"a\"}\n{oops\n");
        var ex = Assert.ThrowsAny<AssayException>(() => DatasetLoader.Load(bad, new DatasetColumns()));
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RepeatedDocument_KeptOnceAndReported()
    {
        using var files = new StudyFiles();
        var path = files.Write("items.csv", "document,referenceResponse\n\"same text\",\"r\"\n\"same   text\",\"r\"\n");
        var data = DatasetLoader.Load(path, new DatasetColumns());
        Assert.Single(data.Items);
        Assert.Equal(new DuplicateRow(2, 1, data.Items[0].ItemId), Assert.Single(data.Duplicates));
    }
}
