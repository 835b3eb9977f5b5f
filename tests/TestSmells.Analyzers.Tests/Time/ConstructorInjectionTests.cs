using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using TestSmells.Analyzers.CodeFixes.Infrastructure;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Time;

/// <summary>
/// The injection machinery on its own, with a dependency other than TimeProvider (it is generic
/// over the type and the names): what a fix that injects <c>ITestOutputHelper</c> relies on.
/// </summary>
public class ConstructorInjectionTests
{
    private static async Task<string?> InjectAsync(string source, string typeName, string dependency, string parameter, string field)
    {
        using var workspace = new AdhocWorkspace();
        var references = await References.Net.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var project = workspace.CurrentSolution
            .AddProject("Demo", "Demo", LanguageNames.CSharp)
            .WithMetadataReferences(references)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        var document = project.AddDocument("Demo.cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var plan = ConstructorInjection.Plan(
            compilation.GetTypeByMetadataName(typeName)!, compilation.GetTypeByMetadataName(dependency)!, parameter, field, compilation, CancellationToken.None);
        if (plan is null)
        {
            return null;
        }

        var editor = new SolutionEditor(document.Project.Solution);
        await ConstructorInjection.ApplyAsync(editor, plan, CancellationToken.None);
        var changed = editor.GetChangedSolution().GetDocument(document.Id)!;
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation);
        changed = await Formatter.FormatAsync(changed, Formatter.Annotation);
        var result = (await changed.GetTextAsync()).ToString();

        var errors = (await changed.Project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(errors);
        return $"{plan.Kind} {plan.Name}\n{result}";
    }

    [Fact]
    public async Task A_parameter_that_a_constructor_already_takes_is_stored_and_the_others_get_one()
    {
        var result = await InjectAsync(
            """
            namespace Demo;

            public class Report
            {
                public Report(System.IServiceProvider services, int pages) { Pages = pages; }

                public Report() : this(null!, 1) { }

                public int Pages { get; }
            }
            """,
            "Demo.Report",
            "System.IServiceProvider",
            "services",
            "_services");
        Assert.Equal(
            """
            NewField _services
            using System;

            namespace Demo;

            public class Report
            {
                private readonly IServiceProvider _services;

                public Report(System.IServiceProvider services, int pages)
                {
                    _services = services;
                    Pages = pages;
                }

                public Report() : this(null!, 1) { }

                public int Pages { get; }
            }
            """,
            result);
    }

    [Fact]
    public async Task An_existing_member_is_reused_and_nothing_is_added()
    {
        const string Source = """
            using System;

            public class Report
            {
                protected IServiceProvider Services { get; } = null!;
            }

            public sealed class Invoice : Report
            {
            }
            """;
        var result = await InjectAsync(Source, "Invoice", "System.IServiceProvider", "services", "_services");
        Assert.Equal("ExistingInstanceMember Services\n" + Source, result);
    }

    [Fact]
    public async Task Static_classes_and_interfaces_cannot_take_a_dependency()
    {
        const string Source = """
            public static class Helpers { }
            public interface IReport { }
            """;
        Assert.Null(await InjectAsync(Source, "Helpers", "System.IServiceProvider", "services", "_services"));
        Assert.Null(await InjectAsync(Source, "IReport", "System.IServiceProvider", "services", "_services"));
    }
}
