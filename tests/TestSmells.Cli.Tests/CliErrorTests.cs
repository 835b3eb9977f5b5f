using System;
using System.IO;
using System.Linq;
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

    private Task<ProcessResult> ToolAsync(params string[] arguments)
        => CliSample.RunAsync(_root, "dotnet", new[] { CliSample.BuiltTool }.Concat(arguments).Append("--no-progress").ToArray());
}
