using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TestSmells.Analyzers.CodeFixes.Time;
using TestSmells.Analyzers.Infrastructure;

namespace TestSmells.Analyzers.Tests.Time;

/// <summary>
/// The real thing: <c>dotnet format analyzers --diagnostics TST1004 --severity info</c> on a project
/// of several files that loads our analyzer and code-fix assemblies, then <c>dotnet build</c> with
/// warnings as errors. Each type gets exactly one TimeProvider and the project still builds.
/// </summary>
public sealed class DotnetFormatTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "testsmells-format-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task Dotnet_format_injects_one_TimeProvider_per_type_and_the_project_builds()
    {
        Directory.CreateDirectory(_folder);
        var analyzers = typeof(TestSmellsAnalyzer).Assembly.Location;
        var codeFixes = typeof(InjectTimeProviderCodeFix).Assembly.Location;
        File.WriteAllText(Path.Combine(_folder, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{analyzers}" />
                <Analyzer Include="{codeFixes}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_folder, "Orders.cs"), WithoutMarkup(InjectTimeProviderFixAllTests.OrdersPart1));
        File.WriteAllText(Path.Combine(_folder, "Billing.cs"), WithoutMarkup(InjectTimeProviderFixAllTests.OrdersPart2));

        var restore = await RunAsync("restore", "Shop.csproj");
        Assert.True(restore.ExitCode == 0, restore.Output);
        var format = await RunAsync("format", "analyzers", "Shop.csproj", "--diagnostics", "TST1004", "--severity", "info", "--no-restore", "--verbosity", "diagnostic");
        Assert.True(format.ExitCode == 0, format.Output);

        Assert.DoesNotContain("Unable to fix", format.Output, StringComparison.Ordinal);

        // The project enables nullable: the optional parameters are written TimeProvider?.
        Assert.Equal(Normalize(Nullable(InjectTimeProviderFixAllTests.FixedPart1)), Normalize(File.ReadAllText(Path.Combine(_folder, "Orders.cs"))));
        Assert.Equal(Normalize(Nullable(InjectTimeProviderFixAllTests.FixedPart2)), Normalize(File.ReadAllText(Path.Combine(_folder, "Billing.cs"))));

        var build = await RunAsync("build", "Shop.csproj", "--no-restore", "-nologo", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("TST1004", build.Output, StringComparison.Ordinal);
    }

    private static string Nullable(string source) => source.Replace("TimeProvider timeProvider = null", "TimeProvider? timeProvider = null", StringComparison.Ordinal);

    private static string WithoutMarkup(string source) => Regex.Replace(source, @"\{\|TST\d{4}:(.*?)\|\}", "$1");

    private static string Normalize(string text) => string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim();

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild settings must not leak into the child SDK commands.
        foreach (var name in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = new List<string> { $"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}", await output, await error };
        return (process.ExitCode, string.Join("\n", lines));
    }
}
