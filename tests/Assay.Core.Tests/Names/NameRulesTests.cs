using Assay.Names;

namespace Assay.Core.Tests.Names;

public class NameRulesTests
{
    [Theory]
    [InlineData(NameKind.Tenant, "hr\n")]
    [InlineData(NameKind.Index, "hr\n")]
    [InlineData(NameKind.Conversation, "c1\n")]
    [InlineData(NameKind.Study, "s1\n")]
    [InlineData(NameKind.ObjectKeySegment, "a.png\n")]
    public void IsValid_TrailingNewline_Refused(NameKind kind, string name) =>
        Assert.False(NameRules.IsValid(kind, name));

    [Theory]
    [InlineData(NameKind.Tenant, "acme")]
    [InlineData(NameKind.Index, "hr_2024-q1")]
    [InlineData(NameKind.Conversation, "Conv-1_A")]
    [InlineData(NameKind.Study, "incidents-20260101-120000")]
    [InlineData(NameKind.ObjectKeySegment, "0a1b.png")]
    public void IsValid_OrdinaryNames_Accepted(NameKind kind, string name) =>
        Assert.True(NameRules.IsValid(kind, name));

    [Theory]
    [InlineData(NameKind.Tenant, "Acme")]
    [InlineData(NameKind.Tenant, "")]
    [InlineData(NameKind.Tenant, "-x")]
    [InlineData(NameKind.Index, "../x")]
    [InlineData(NameKind.Conversation, "a b")]
    [InlineData(NameKind.Study, "..")]
    [InlineData(NameKind.Study, "a/b")]
    [InlineData(NameKind.ObjectKeySegment, "a/b")]
    public void IsValid_UnsafeNames_Refused(NameKind kind, string name) =>
        Assert.False(NameRules.IsValid(kind, name));

    [Fact]
    public void Validate_Refused_MessageNamesFieldAndRuleOnOneLine()
    {
        var ex = Assert.Throws<AssayException>(() => NameRules.Validate(NameKind.Tenant, "hr\n", "Tenant"));

        Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
        Assert.StartsWith("Tenant 'hr?' is not valid: use 1-64 lower-case", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
