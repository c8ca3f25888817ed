using Assay.Services.Chat.Offline;

namespace Assay.Services.Tests.Chat.Offline;

public sealed class OfflineChatMethodsTests
{
    [Theory]
    [InlineData(null, OfflineChatMethod.MemoryRecall)]
    [InlineData("memory-recall", OfflineChatMethod.MemoryRecall)]
    [InlineData(" Index-Passages ", OfflineChatMethod.IndexPassages)]
    public void Parse_KnownNames(string? text, OfflineChatMethod expected) => Assert.Equal(expected, OfflineChatMethods.Parse(text));

    [Fact]
    public void Parse_Unknown_ErrorNamesTheSettingAndTheChoices()
    {
        var error = Assert.Throws<AssayException>(() => OfflineChatMethods.Parse("gpt"));

        Assert.Contains("services.chat.offline", error.Message, StringComparison.Ordinal);
        Assert.Contains("memory-recall or index-passages", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.SetupMissing, error.ExitCode);
    }

    [Theory]
    [InlineData(OfflineChatMethod.MemoryRecall, "offline:memory-recall")]
    [InlineData(OfflineChatMethod.IndexPassages, "offline:index-passages")]
    public void ModelId_IsTheMethodName(OfflineChatMethod method, string expected) => Assert.Equal(expected, OfflineChatMethods.ModelId(method));
}
