using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;

namespace TestSmells.Corpus;

/// <summary>
/// <c>--restore</c>: brings the packages that the repositories' projects name but the NuGet folder lacks,
/// by restoring one throw-away project that references each of them at its newest served version
/// (<c>Version="*"</c>). Packages the registry does not serve, or that do not fit .NET, are dropped and
/// the restore is tried again; what stays missing is reported by the run as unresolved.
/// </summary>
internal static class MissingPackages
{
    public static void Restore(IEnumerable<string> repositories, PackageResolver resolver)
    {
        var wanted = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var repository in repositories)
        {
            foreach (var project in Directory.EnumerateFiles(repository, "*.csproj", SearchOption.AllDirectories))
            {
                wanted.UnionWith(ProjectFile.Read(project, repository).Packages.Where(p => resolver.PackageFolder(p) == null));
            }
        }

        wanted.RemoveWhere(p => p.StartsWith("Microsoft.NETFramework.ReferenceAssemblies", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("Microsoft.SourceLink", StringComparison.OrdinalIgnoreCase)
            || p.EndsWith(".Analyzers", StringComparison.OrdinalIgnoreCase)
            || p.EndsWith("Analyzers", StringComparison.OrdinalIgnoreCase));
        Console.WriteLine($"restore: {wanted.Count} packages missing from {resolver.Root}");
        var folder = Path.Combine(Path.GetTempPath(), "testsmells-corpus-restore");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
        for (var attempt = 0; attempt < 12 && wanted.Count > 0; attempt++)
        {
            var items = string.Concat(wanted.Select(p => $"    <PackageReference Include=\"{SecurityElement.Escape(p)}\" Version=\"*\" />\n"));
            File.WriteAllText(Path.Combine(folder, "refs.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <NoWarn>$(NoWarn);NU1603;NU1608;NU1701;NU1902;NU1903;NU1904</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                {items}  </ItemGroup>
                </Project>
                """);
            var start = new ProcessStartInfo("dotnet", "restore refs.csproj") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode == 0)
            {
                Console.WriteLine($"restore: {wanted.Count} packages restored");
                return;
            }

            var failed = Regex.Matches(output, @"error NU1\d{3}: (?:Unable to find (?:a stable )?package|Package) '?([A-Za-z0-9_.\-]+)")
                .Select(m => m.Groups[1].Value.TrimEnd('.'))
                .Concat(Regex.Matches(output, @"error NU1\d{3}: .*?\b([A-Za-z0-9_.\-]+) [0-9][^ ]* is not compatible").Select(m => m.Groups[1].Value))
                .Where(wanted.Contains)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (failed.Count == 0)
            {
                Console.WriteLine("restore: failed for a reason it cannot attribute to a package:");
                Console.WriteLine(string.Join('\n', output.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).Take(5)));
                return;
            }

            Console.WriteLine($"restore: not to be had here, dropped: {string.Join(", ", failed.Order(StringComparer.OrdinalIgnoreCase))}");
            wanted.ExceptWith(failed);
        }
    }
}
