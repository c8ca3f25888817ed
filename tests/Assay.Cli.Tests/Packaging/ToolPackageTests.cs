using System.Diagnostics;
using System.Reflection;
using Assay.Testing;

namespace Assay.Cli.Tests.Packaging;

/// <summary>
/// The command line as people install it: <c>dotnet pack</c> makes the .NET tool package, and
/// <c>dotnet tool install</c> puts it into a temporary tool path from a local package folder only
/// (no network, a fresh NuGet cache so an older package of the same version cannot answer),
/// where <c>assay --version</c> answers with the assembly's informational version.
/// </summary>
public sealed class ToolPackageTests
{
    private const string PackageId = "Assay.ModelStudies.Tool";

    [Fact]
    public async Task PackAndInstall_TemporaryToolPath_AssayVersionAnswers()
    {
        var work = Directory.CreateTempSubdirectory("assay-tool-");
        try
        {
            var feed = Path.Combine(work.FullName, "feed");
            var project = Path.Combine(SharedData.RepoRoot, "src", "Assay.Cli", "Assay.Cli.csproj");
            await RunAsync("dotnet", ["pack", project, "-c", "Release", "-o", feed, "--nologo"], work.FullName);
            var package = Assert.Single(Directory.GetFiles(feed, $"{PackageId}.*.nupkg"));

            var config = Path.Combine(work.FullName, "nuget.config");
            await File.WriteAllTextAsync(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            var tools = Path.Combine(work.FullName, "tools");
            await RunAsync("dotnet", ["tool", "install", PackageId, "--tool-path", tools, "--configfile", config], work.FullName);
            var output = await RunAsync(Path.Combine(tools, "assay"), ["--version"], work.FullName);

            var version = typeof(AssayCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            Assert.Equal(version, output.Trim());
            Assert.Equal(AssayVersion.Current, version); // the version reports and summary.json carry
            Assert.Contains(version.Split('+')[0], Path.GetFileName(package), StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string file, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NUGET_PACKAGES"] = Path.Combine(directory, "nuget-cache");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stdout} {await stderr}");
        return await stdout;
    }
}
