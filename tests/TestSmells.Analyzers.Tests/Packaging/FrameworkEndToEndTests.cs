using System;
using System.IO;
using System.Linq;
using Xunit.Abstractions;

namespace TestSmells.Analyzers.Tests.Packaging;

/// <summary>
/// The real package in the test projects of every other framework we support (xUnit v3, NUnit, MSTest,
/// TUnit): a warnings-as-errors build fails on the two fixed waits, with TST1001 and TST1002 where they
/// are, and on nothing else (the honest waits beside them pass).
/// </summary>
[Collection(PackedPackage.Collection)]
public sealed class FrameworkEndToEndTests : IClassFixture<FrameworkConsumers>
{
    private readonly FrameworkConsumers _consumers;

    public FrameworkEndToEndTests(FrameworkConsumers consumers, ITestOutputHelper output)
    {
        _consumers = consumers;
        output.WriteLine(
            $"Packed {PackedPackage.PackageId} {consumers.Package.Version} in {consumers.Package.Pack.Elapsed.TotalSeconds:0.0} s; "
            + $"restored {consumers} in {consumers.Restore.Elapsed.TotalSeconds:0.0} s, built them in {consumers.Build.Elapsed.TotalSeconds:0.0} s.");
    }

    public static TheoryData<string> Frameworks()
    {
        var data = new TheoryData<string>();
        foreach (var framework in ConsumerFramework.All)
        {
            data.Add(framework.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Build_fails_with_TST1001_and_TST1002_on_the_fixed_waits_and_on_nothing_else(string name)
    {
        var framework = ConsumerFramework.Named(name);
        var project = _consumers.ProjectPath(framework);
        var file = Path.Combine(_consumers.ProjectDirectory(framework), ConsumerFramework.SourceFile);
        var build = _consumers.Build;

        Assert.False(build.Succeeded, $"The build should fail on TST1001 and TST1002.\n{_consumers.Describe()}");
        var expected = new[]
        {
            Finding("TST1001", file, ConsumerProject.Position(framework.Source, framework.SleepCall)),
            Finding("TST1002", file, ConsumerProject.Position(framework.Source, framework.DelayCall)),
        }.OrderBy(f => f, StringComparer.Ordinal).ToList();
        var errors = build.Diagnostics.Where(d => d.Severity == "error" && d.Project == project).ToList();
        var actual = errors.Select(d => Finding(d.Id, d.File, (d.Line, d.Column))).OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            $"{name}: expected exactly these errors:\n  {string.Join("\n  ", expected)}\nbut {project} got:\n  {string.Join("\n  ", errors)}\n{_consumers.Describe()}");
        Assert.Contains("Thread.Sleep(500)", errors.Single(d => d.Id == "TST1001").Message, StringComparison.Ordinal);
        Assert.Contains("Task.Delay(500)", errors.Single(d => d.Id == "TST1002").Message, StringComparison.Ordinal);

        // Nothing of ours at another severity either, and the failed compilation wrote no assembly.
        var others = build.Diagnostics.Where(d => d.Id.StartsWith("TST", StringComparison.Ordinal) && d.Severity != "error" && d.Project == project);
        Assert.Empty(others);
        Assert.False(File.Exists(_consumers.OutputAssembly(framework)), $"{name}: the build wrote {_consumers.OutputAssembly(framework)}");
    }

    private static string Finding(string id, string file, (int Line, int Column) position)
        => $"{file}({position.Line},{position.Column}): {id}";
}
