using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace TestSmells.Cli.Tests;

/// <summary>
/// Errors a user can act on are one line on standard error and exit code 2. These need no sample, so
/// they run the built tool beside the sample's collection instead of waiting for it.
/// </summary>
public sealed class CliErrorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "testsmells-cli-errors-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task A_missing_path_is_one_clear_line()
    {
        var result = await ToolAsync("scan", Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(2, result.Exit);
        Assert.Matches(@"^testsmells: '[^']+' does not exist$", result.Output.Trim());
    }

    [Fact]
    public async Task A_project_that_does_not_load_is_one_clear_line()
    {
        Directory.CreateDirectory(_root);
        var project = Path.Combine(_root, "Broken.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");
        var result = await ToolAsync("scan", project);
        Assert.Equal(2, result.Exit);
        Assert.Matches(@"^testsmells: '[^']+Broken\.csproj' does not load: .+$", result.Output.Trim().Split('\n').Last().Trim());
    }

    /// <summary>
    /// A solution in which one project file does not parse and one was never restored: each is named
    /// on one line, and the test project that loads is still scanned.
    /// </summary>
    [Fact]
    public async Task Projects_that_do_not_load_are_named_and_the_others_are_scanned()
    {
        Write("Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");
        Write("Fresh/Fresh.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        Write("Fresh/Fresh.cs", "namespace Fresh; public static class Nothing { }");
        Write("Good/Good.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup><PackageReference Include="xunit" Version="2.9.3" /></ItemGroup>
            </Project>
            """);
        Write("Good/WaitingTests.cs", """
            namespace Good;
            public class WaitingTests
            {
                [Xunit.Fact]
                public void Waits()
                {
                    System.Threading.Thread.Sleep(100);
                    Xunit.Assert.Equal(2, 1 + 1);
                }
            }
            """);
        Write("Tests.slnx", """
            <Solution>
              <Project Path="Broken/Broken.csproj" />
              <Project Path="Fresh/Fresh.csproj" />
              <Project Path="Good/Good.csproj" />
            </Solution>
            """);
        var restore = await CliSample.RunAsync(_root, "dotnet", "restore", Path.Combine(_root, "Good", "Good.csproj"));
        Assert.True(restore.Exit == 0, restore.Output);

        var result = await ToolAsync("scan", Path.Combine(_root, "Tests.slnx"));
        var lines = result.Output.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Single(lines, l => Regex.IsMatch(l, @"^testsmells: warning: Broken[/\\]Broken\.csproj: .*could not be loaded"));
        Assert.Single(lines, l => Regex.IsMatch(l, @"^testsmells: warning: Fresh[/\\]Fresh\.csproj: not restored .*: run dotnet restore$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^│ Good +│ +1 │"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^│ TST1001 "));
        Assert.DoesNotContain(lines, l => l.StartsWith("│ Fresh", StringComparison.Ordinal) || l.StartsWith("│ Broken", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private Task<ProcessResult> ToolAsync(params string[] arguments)
        => CliSample.RunAsync(_root, "dotnet", new[] { CliSample.BuiltTool }.Concat(arguments).Append("--no-progress").ToArray());
}
