using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using TestSmells.Analyzers.CodeFixes.Infrastructure;
using TestSmells.Analyzers.Hygiene;
using TestSmells.Analyzers.Model;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TestSmells.Analyzers.CodeFixes.Hygiene;

/// <summary>
/// TST5002: sends console output to xUnit's per-test output instead (the rule reports only xUnit
/// tests; the other frameworks capture the console themselves).
/// <list type="bullet">
/// <item>xUnit v3: <c>TestContext.Current.TestOutputHelper?.WriteLine(...)</c> (string or format + args).</item>
/// <item>xUnit v2: an <c>ITestOutputHelper</c> injected through the constructor, once per class
/// (reusing one the class already has); <c>WriteLine</c> with a string or format + args.</item>
/// </list>
/// No fix where the helper has no matching overload (<c>Console.WriteLine()</c>, <c>Console.Write(42)</c>,
/// <c>Console.Write</c> on xUnit v2), where named arguments are used, or where the injected helper is
/// out of reach (static members on xUnit v2).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConsoleOutputCodeFix))]
[Shared]
public sealed class ConsoleOutputCodeFix : CodeFixProvider
{
    public const string XunitV3Key = "TST5002.XunitV3TestOutputHelper";
    public const string XunitV2Key = "TST5002.XunitV2InjectTestOutputHelper";

    private const string OutputParameterName = "output";
    private const string OutputFieldName = "_output";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST5002");

    public override FixAllProvider GetFixAllProvider() => PerTypeFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var write = Find(document, root, semanticModel, diagnostic, context.CancellationToken);
            if (write is null || await PlanTypeAsync(document.Project.Solution, write.Type, write.Target, new[] { write }, context.CancellationToken).ConfigureAwait(false) is not { } plan
                || plan.Writes.Count == 0)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title(write.Target), ct => FixAsync(document.Project.Solution, new[] { write }, ct), Key(write.Target)),
                diagnostic);
        }
    }

    private static string Key(TestFramework target) => target == TestFramework.XunitV2 ? XunitV2Key : XunitV3Key;

    private static string Title(TestFramework target) => target == TestFramework.XunitV2
        ? "Write to an injected ITestOutputHelper"
        : "Write to TestContext.Current.TestOutputHelper";

    /// <summary>One console write the fix can rewrite, before any edit.</summary>
    private sealed class ConsoleWrite
    {
        public ConsoleWrite(DocumentId document, InvocationExpressionSyntax node, INamedTypeSymbol type, TestFramework target, string method)
        {
            Document = document;
            Node = node;
            Type = type;
            Target = target;
            Method = method;
        }

        public DocumentId Document { get; }

        public InvocationExpressionSyntax Node { get; }

        public INamedTypeSymbol Type { get; }

        public TestFramework Target { get; }

        /// <summary><c>Write</c> or <c>WriteLine</c>.</summary>
        public string Method { get; }
    }

    /// <summary>What one type gets: how code reaches the output, and the writes that can use it.</summary>
    private sealed class TypePlan
    {
        public TypePlan(INamedTypeSymbol type, TestFramework target, List<ConsoleWrite> writes)
        {
            Type = type;
            Target = target;
            Writes = writes;
        }

        public INamedTypeSymbol Type { get; }

        public TestFramework Target { get; }

        public List<ConsoleWrite> Writes { get; }

        /// <summary>xUnit v2: the constructor injection of <c>ITestOutputHelper</c>.</summary>
        public InjectionPlan? Injection { get; set; }

        public ITypeSymbol? OutputType { get; set; }
    }

    /// <summary>The console write <paramref name="diagnostic"/> reports, re-checked; null when the code changed or no fix applies.</summary>
    private static ConsoleWrite? Find(Document document, SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            .FirstAncestorOrSelf<InvocationExpressionSyntax>();
        var console = semanticModel.Compilation.GetTypeByMetadataName("System.Console");
        if (node is null
            || console is null
            || node.ArgumentList.Arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None))
            || semanticModel.GetOperation(node, cancellationToken) is not IInvocationOperation invocation
            || ConsoleOutputAnalyzer.ConsoleWrite(invocation, console) is null
            || node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration
            || semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not { } type
            || TargetOf(type, semanticModel.Compilation) is not { } target
            || !Supports(target, invocation.TargetMethod))
        {
            return null;
        }

        return new ConsoleWrite(document.Id, node, type, target, invocation.TargetMethod.Name);
    }

    /// <summary>True when the helper has an overload for the console call: a string or format + args (<c>WriteLine</c> only on xUnit v2).</summary>
    private static bool Supports(TestFramework target, IMethodSymbol method)
    {
        if (target == TestFramework.XunitV2 && method.Name != "WriteLine")
        {
            return false;
        }

        var parameters = method.Parameters;
        if (parameters.Length == 0 || parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        for (var i = 1; i < parameters.Length; i++)
        {
            var type = parameters[i].Type;
            var isObject = type.SpecialType == SpecialType.System_Object
                || (parameters[i].IsParams && type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Object });
            if (!isObject)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The xUnit version whose tests <paramref name="type"/> holds (or serves, for a base class); null for other frameworks.</summary>
    private static TestFramework? TargetOf(INamedTypeSymbol type, Compilation compilation)
        => TestFrameworkOf.Type(TestCodeModel.For(compilation), type) is var framework && framework is TestFramework.XunitV2 or TestFramework.XunitV3
            ? framework
            : null;

    /// <summary>
    /// Decides what the type gets and which of <paramref name="writes"/> can use it; null when the
    /// framework's output API is missing or the type cannot take it.
    /// </summary>
    private static async Task<TypePlan?> PlanTypeAsync(Solution solution, INamedTypeSymbol type, TestFramework target, IEnumerable<ConsoleWrite> writes, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree);
        var compilation = document is null ? null : await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return null;
        }

        var plan = new TypePlan(type, target, new List<ConsoleWrite>());
        plan.OutputType = TypeLookup.Find(compilation, (target == TestFramework.XunitV3 ? Frameworks.XunitV3 : Frameworks.XunitV2).OutputType!);
        if (plan.OutputType is null)
        {
            return null;
        }

        if (target == TestFramework.XunitV2)
        {
            plan.Injection = ConstructorInjection.Plan(type, plan.OutputType, OutputParameterName, OutputFieldName, compilation, cancellationToken);
            if (plan.Injection is null)
            {
                return null;
            }

            // A new constructor parameter would break every class deriving from this one.
            if (plan.Injection.AddsParameter
                && (type.IsAbstract
                    || (await SymbolFinder.FindDerivedClassesAsync(type, solution, transitive: false, cancellationToken: cancellationToken).ConfigureAwait(false)).Any()))
            {
                return null;
            }
        }

        foreach (var write in writes)
        {
            if (target == TestFramework.XunitV3 || ConstructorInjection.CanReach(plan.Injection!, write.Node))
            {
                plan.Writes.Add(write);
            }
        }

        return plan;
    }

    /// <summary>Rewrites every write, type by type, in one solution edit.</summary>
    private static async Task<Solution> FixAsync(Solution solution, IReadOnlyList<ConsoleWrite> writes, CancellationToken cancellationToken)
    {
        var editor = new SolutionEditor(solution);
        foreach (var group in writes.GroupBy(w => (w.Type, w.Target), TypeAndTargetComparer.Instance))
        {
            var plan = await PlanTypeAsync(solution, group.Key.Type, group.Key.Target, group, cancellationToken).ConfigureAwait(false);
            if (plan is null || plan.Writes.Count == 0)
            {
                continue;
            }

            if (plan.Injection is not null)
            {
                await ConstructorInjection.ApplyAsync(editor, plan.Injection, cancellationToken).ConfigureAwait(false);
            }

            foreach (var write in plan.Writes)
            {
                var documentEditor = await editor.GetDocumentEditorAsync(write.Document, cancellationToken).ConfigureAwait(false);
                var generator = documentEditor.Generator;
                documentEditor.ReplaceNode(write.Node, (current, _) =>
                    Replacement(plan, write, generator, ((InvocationExpressionSyntax)current).ArgumentList).WithTriviaFrom(current));
            }
        }

        return editor.GetChangedSolution();
    }

    private static ExpressionSyntax Replacement(TypePlan plan, ConsoleWrite write, SyntaxGenerator generator, ArgumentListSyntax arguments)
    {
        var method = IdentifierName(write.Method);
        ExpressionSyntax TypeName() => ((TypeSyntax)generator.TypeExpression(plan.OutputType!))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        ExpressionSyntax result = plan.Target == TestFramework.XunitV3
            // TestContext.Current.TestOutputHelper?.WriteLine(...)
            ? ConditionalAccessExpression(
                Member(Member(TypeName(), "Current"), "TestOutputHelper"),
                InvocationExpression(MemberBindingExpression(method), arguments))
            // _output.WriteLine(...)
            : InvocationExpression(Member(IdentifierName(plan.Injection!.Name), write.Method), arguments);

        return result.WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static MemberAccessExpressionSyntax Member(ExpressionSyntax expression, string name)
        => MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, expression, IdentifierName(name));

    private sealed class TypeAndTargetComparer : IEqualityComparer<(INamedTypeSymbol Type, TestFramework Target)>
    {
        public static readonly TypeAndTargetComparer Instance = new();

        public bool Equals((INamedTypeSymbol Type, TestFramework Target) x, (INamedTypeSymbol Type, TestFramework Target) y)
            => x.Target == y.Target && SymbolEqualityComparer.Default.Equals(x.Type, y.Type);

        public int GetHashCode((INamedTypeSymbol Type, TestFramework Target) obj)
            => SymbolEqualityComparer.Default.GetHashCode(obj.Type) ^ (int)obj.Target;
    }

    /// <summary>Fix All: collects the writes, each for its own framework, and fixes them type by type in one solution edit.</summary>
    private sealed class PerTypeFixAllProvider : FixAllProvider
    {
        public static readonly PerTypeFixAllProvider Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            // Every write is fixed for its own framework, whatever key the request came with: a solution
            // can hold test projects of several frameworks, and dotnet format passes the key of the first
            // finding it picked.
            var writes = new List<ConsoleWrite>();
            foreach (var found in await FixAllFindings.ByDocumentAsync(fixAllContext).ConfigureAwait(false))
            {
                foreach (var diagnostic in found.Diagnostics)
                {
                    if (Find(found.Document, found.Root, found.SemanticModel, diagnostic, fixAllContext.CancellationToken) is { } write)
                    {
                        writes.Add(write);
                    }
                }
            }

            return writes.Count == 0
                ? FixAllPerFinding.Unchanged(fixAllContext)
                : CodeAction.Create(
                    "Write to xUnit's test output",
                    ct => FixAsync(fixAllContext.Solution, writes, ct),
                    fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
