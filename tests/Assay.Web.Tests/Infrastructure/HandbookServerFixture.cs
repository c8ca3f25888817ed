using System.Text.Json;

namespace Assay.Web.Tests.Infrastructure;

/// <summary>One server whose tenant acme has the handbook ingested in index "hr", shared by the read-only handbook tests (embedding the handbook is the slow part).</summary>
public sealed class HandbookServerFixture : IAsyncLifetime
{
    internal TestServer Server { get; private set; } = null!;

    internal JsonElement FirstIngest { get; private set; }

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync();
        var response = await Handbook.UploadAsync(Server.Client(), "hr", "employee_handbook.pdf", await File.ReadAllBytesAsync(Handbook.PdfPath), "application/pdf");
        FirstIngest = await Problems.JsonAsync(response);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
