using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

using TestSmells.Tests.Shared;

namespace TestSmells.Analyzers.Tests.Packaging;

/// <summary>Runs the <c>dotnet</c> CLI as a child process (<see cref="ChildProcess"/>), with a timeout, and collects its output.</summary>
public static class DotNetCli
{
    /// <summary>The <c>dotnet</c> host running these tests (so the child uses the same SDK installation), else the one on PATH.</summary>
    public static string Executable { get; } = FindExecutable();

    public static async Task<CliResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var run = await ChildProcess.RunAsync(Executable, workingDirectory, arguments, timeout);
        if (run.TimedOut)
        {
            throw new TimeoutException(
                $"'dotnet {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds:0} s in {workingDirectory}. Output so far:\n{run.Output}");
        }

        return new CliResult(arguments, run.ExitCode, run.Output, run.Elapsed);
    }

    private static string FindExecutable()
    {
        var fromHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromHost) && File.Exists(fromHost))
        {
            return fromHost;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return "dotnet";
    }
}

/// <summary>The exit code and the combined output of one <c>dotnet</c> command.</summary>
public sealed record CliResult(IReadOnlyList<string> Arguments, int ExitCode, string Output, TimeSpan Elapsed)
{
    private static readonly Regex DiagnosticLine = new(
        @"^(?<file>.+?)(?:\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\))? ?: (?<severity>error|warning|info) (?<id>[A-Za-z]+[0-9]+): (?<message>.*?)(?: \[(?<project>[^\]]+)\])?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public bool Succeeded => ExitCode == 0;

    /// <summary>
    /// Every <c>file(line,col): severity ID: message [project]</c> line, once each (MSBuild repeats them
    /// in its summary); also those without a position (<c>CSC : error ID: ...</c>), with line and column 0.
    /// </summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics => DiagnosticLine.Matches(Output.Replace("\r", string.Empty, StringComparison.Ordinal))
        .Select(m => new BuildDiagnostic(
            m.Groups["file"].Value.Trim(),
            m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            m.Groups["column"].Success ? int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            m.Groups["severity"].Value,
            m.Groups["id"].Value,
            m.Groups["message"].Value,
            m.Groups["project"].Success ? m.Groups["project"].Value : null))
        .Distinct()
        .ToList();

    /// <summary>The command and its output, for assertion messages.</summary>
    public string Describe()
        => $"dotnet {string.Join(' ', Arguments)}\nexit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s; output:\n{Output}";
}

/// <summary>
/// One diagnostic of a build; <see cref="Line"/> and <see cref="Column"/> are 0 when it has no position,
/// <see cref="Project"/> is the project MSBuild names in brackets after it, if any.
/// </summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message, string? Project)
{
    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";
}
