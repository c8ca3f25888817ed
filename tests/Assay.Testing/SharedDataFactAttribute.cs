using Xunit;

namespace Assay.Testing;

/// <summary>
/// A fact that needs a file from <c>../shared/data</c>: it runs where the file is (CI, the
/// developers' machines) and skips with the reason where it is not (a user's fresh clone).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (!SharedData.Has(relativePath))
        {
            Skip = $"needs ../shared/data/{relativePath}, which only the project's own machines have";
        }
    }
}
