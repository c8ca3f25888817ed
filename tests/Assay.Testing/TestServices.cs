namespace Assay.Testing;

/// <summary>
/// The local servers that <c>scripts/test.sh</c> starts before the tests (PostgreSQL, moto's S3)
/// and the tools it installs, as environment variables. A test that needs one and does not
/// find it fails with the setup to run: skipping would let a broken setup pass unseen.
/// </summary>
public static class TestServices
{
    /// <summary>Npgsql connection string of the throwaway PostgreSQL cluster.</summary>
    public static string PostgresConnectionString => Require("ASSAY_TEST_PG");

    /// <summary>Base URL of the local moto S3 endpoint.</summary>
    public static string S3ServiceUrl => Require("ASSAY_TEST_S3");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException($"{name} is not set: run the tests with scripts/test.sh, which starts the local servers.");
}
