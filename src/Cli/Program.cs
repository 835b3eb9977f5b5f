using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TestSmells.Cli;

/// <summary>
/// testsmells scan|baseline|fix [path] [options]. Exit codes: 0 clean (no finding at Warning or above
/// remains), 1 findings at Warning or above remain, 2 the command could not run (bad path, a solution
/// that does not load, no .NET SDK).
/// </summary>
public static class Program
{
    public const int Clean = 0;
    public const int FindingsRemain = 1;
    public const int Failed = 2;

    private const string Usage = """
        Usage:
          testsmells scan [path] [--output FILE.sarif|.html|.md|.json]... [--format F] [--no-progress]
          testsmells baseline [path]
          testsmells fix [path] [--rule ID]

        path: a .sln/.slnx, a .csproj, or a folder holding one (default: the current folder).
        Exit code: 0 when no finding at Warning or above remains, 1 when some do, 2 on an error.
        """;

    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await RunAsync(args, CancellationToken.None);
        }
        catch (CliException e)
        {
            Console.Error.WriteLine("testsmells: " + e.Message);
            return Failed;
        }
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? Failed : Clean;
        }

        var options = CliOptions.Parse(args);
        var target = Target.Resolve(options.Path);
        SdkLocator.Register();
        return options.Command switch
        {
            "scan" => await ScanCommand.RunAsync(target, options, cancellationToken),
            "baseline" => await BaselineCommand.RunAsync(target, options, cancellationToken),
            "fix" => await FixCommand.RunAsync(target, options, cancellationToken),
            _ => throw new CliException($"unknown command '{options.Command}' (scan, baseline or fix)"),
        };
    }
}

/// <summary>An error the user can act on, printed as one line.</summary>
public sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }
}

public sealed class CliOptions
{
    public string Command { get; private set; } = string.Empty;

    public string Path { get; private set; } = ".";

    /// <summary>The reports to write: format and file (--format applies to the --output that follows or precedes it).</summary>
    public List<(string Format, string File)> Reports { get; } = new();

    public string? Rule { get; private set; }

    public bool Progress { get; private set; } = true;

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CliOptions { Command = args[0] };
        var positional = new List<string>();
        string? format = null;
        var outputs = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new CliException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--format" or "-f":
                    format = Value().ToLowerInvariant();
                    if (format is not ("sarif" or "markdown" or "html" or "json"))
                    {
                        throw new CliException($"unknown format '{format}' (sarif, markdown, html or json)");
                    }

                    break;
                case "--output" or "-o":
                    outputs.Add(Value());
                    break;
                case "--rule" or "-r":
                    options.Rule = Value().ToUpperInvariant();
                    break;
                case "--no-progress":
                    options.Progress = false;
                    break;
                default:
                    if (args[i].StartsWith('-'))
                    {
                        throw new CliException($"unknown option '{args[i]}'");
                    }

                    positional.Add(args[i]);
                    break;
            }
        }

        if (positional.Count > 1)
        {
            throw new CliException("one path at most");
        }

        if (positional.Count == 1)
        {
            options.Path = positional[0];
        }

        if (format is not null && outputs.Count == 0)
        {
            throw new CliException("--format needs --output FILE");
        }

        foreach (var output in outputs)
        {
            var byExtension = System.IO.Path.GetExtension(output).TrimStart('.').ToLowerInvariant() switch
            {
                "sarif" => "sarif",
                "md" => "markdown",
                "html" or "htm" => "html",
                "json" => "json",
                _ => null,
            };
            options.Reports.Add((outputs.Count == 1 && format is not null ? format : byExtension ?? format
                ?? throw new CliException($"--output {output} needs --format sarif|markdown|html|json"), output));
        }

        return options;
    }
}

/// <summary>What the path names: a solution or a project file, and the folder the baseline goes in.</summary>
public sealed record Target(string File, bool IsSolution, string BaselineFolder)
{
    public static Target Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var solutions = Directory.GetFiles(full, "*.sln").Concat(Directory.GetFiles(full, "*.slnx")).ToList();
            var projects = Directory.GetFiles(full, "*.csproj");
            if (solutions.Count == 1)
            {
                full = solutions[0];
            }
            else if (solutions.Count > 1)
            {
                throw new CliException($"'{path}' holds several solutions; name one");
            }
            else if (projects.Length == 1)
            {
                full = projects[0];
            }
            else
            {
                throw new CliException(projects.Length == 0
                    ? $"'{path}' holds no .sln, .slnx or .csproj"
                    : $"'{path}' holds several projects and no solution; name one");
            }
        }
        else if (!System.IO.File.Exists(full))
        {
            throw new CliException($"'{path}' does not exist");
        }

        var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
        if (extension is not (".sln" or ".slnx" or ".csproj"))
        {
            throw new CliException($"'{path}' is not a .sln, .slnx or .csproj");
        }

        var folder = System.IO.Path.GetDirectoryName(full)!;
        var isSolution = extension != ".csproj";
        return new Target(full, isSolution, isSolution ? folder : NearestBaselineFolder(folder));
    }

    /// <summary>For a project: the folder of the nearest existing baseline above it, else the project's.</summary>
    private static string NearestBaselineFolder(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(current.FullName, TestSmells.Analyzers.Infrastructure.Baseline.FileName)))
            {
                return current.FullName;
            }
        }

        return folder;
    }
}
