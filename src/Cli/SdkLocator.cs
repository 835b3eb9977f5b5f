using System.Linq;
using Microsoft.Build.Locator;

namespace TestSmells.Cli;

/// <summary>Registers the newest installed .NET SDK's MSBuild before any workspace type is touched.</summary>
public static class SdkLocator
{
    public static void Register()
    {
        if (MSBuildLocator.IsRegistered)
        {
            return;
        }

        var instances = MSBuildLocator.QueryVisualStudioInstances().OrderByDescending(i => i.Version).ToList();
        if (instances.Count == 0)
        {
            throw new CliException("no .NET SDK found (install one from https://dot.net, or set DOTNET_ROOT)");
        }

        MSBuildLocator.RegisterInstance(instances[0]);
    }
}
