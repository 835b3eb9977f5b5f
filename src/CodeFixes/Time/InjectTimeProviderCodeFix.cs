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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.CodeFixes.Infrastructure;
using TestSmells.Analyzers.Model;
using TestSmells.Analyzers.Time;

namespace TestSmells.Analyzers.CodeFixes.Time;

/// <summary>
/// TST1004: injects one <c>TimeProvider</c> into the type (reusing one it already has) and routes
/// every ambient clock read of the type through it. Fix All works per type: however many reads a
/// type has, across however many files, it gets one parameter.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InjectTimeProviderCodeFix))]
[Shared]
public sealed class InjectTimeProviderCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "TST1004.InjectTimeProvider";

    private const string ParameterName = "timeProvider";
    private const string FieldName = "_timeProvider";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST1004");

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
            var type = ContainingType(root, semanticModel, diagnostic, context.CancellationToken);
            if (type is null)
            {
                continue;
            }

            var work = await PlanAsync(document.Project, type, context.CancellationToken).ConfigureAwait(false);
            if (work is null || !work.Value.Reads.Any(r => r.Node.Span == diagnostic.Location.SourceSpan))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Inject TimeProvider into '{type.Name}'",
                    ct => FixAsync(document.Project.Solution, new[] { (document.Project, type) }, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The type whose read <paramref name="diagnostic"/> reports.</summary>
    private static INamedTypeSymbol? ContainingType(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var declaration = node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        return declaration is null ? null : semanticModel.GetDeclaredSymbol(declaration, cancellationToken);
    }

    /// <summary>Injects into every type (one plan each) and rewrites the reads each can reach.</summary>
    private static async Task<Solution> FixAsync(Solution solution, IEnumerable<(Project Project, INamedTypeSymbol Type)> types, CancellationToken cancellationToken)
    {
        var editor = new SolutionEditor(solution);
        foreach (var (project, type) in types)
        {
            var work = await PlanAsync(project, type, cancellationToken).ConfigureAwait(false);
            if (work is not { } planned)
            {
                continue;
            }

            await ConstructorInjection.ApplyAsync(editor, planned.Plan, cancellationToken).ConfigureAwait(false);
            foreach (var read in planned.Reads)
            {
                var readDocument = solution.GetDocument(read.Node.SyntaxTree);
                if (readDocument is null)
                {
                    continue;
                }

                var documentEditor = await editor.GetDocumentEditorAsync(readDocument.Id, cancellationToken).ConfigureAwait(false);
                documentEditor.ReplaceNode(read.Node, (current, _) => Replacement(planned.Plan.Name, read.Kind).WithTriviaFrom(current));
            }
        }

        return editor.GetChangedSolution();
    }

    private static ExpressionSyntax Replacement(string provider, ClockRead read)
    {
        var text = read switch
        {
            ClockRead.DateTimeNow => provider + ".GetLocalNow().DateTime",
            ClockRead.DateTimeUtcNow => provider + ".GetUtcNow().UtcDateTime",
            ClockRead.DateTimeToday => provider + ".GetLocalNow().Date",
            ClockRead.DateTimeOffsetNow => provider + ".GetLocalNow()",
            _ => provider + ".GetUtcNow()",
        };
        return SyntaxFactory.ParseExpression(text).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private readonly struct Read
    {
        public Read(ExpressionSyntax node, ClockRead kind)
        {
            Node = node;
            Kind = kind;
        }

        public ExpressionSyntax Node { get; }

        public ClockRead Kind { get; }
    }

    private readonly struct PlannedWork
    {
        public PlannedWork(InjectionPlan plan, ImmutableArray<Read> reads)
        {
            Plan = plan;
            Reads = reads;
        }

        public InjectionPlan Plan { get; }

        public ImmutableArray<Read> Reads { get; }
    }

    /// <summary>The injection plan of <paramref name="type"/> and the reads it can rewrite; null when there is nothing to do.</summary>
    private static async Task<PlannedWork?> PlanAsync(Project project, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return null;
        }

        var clock = new ClockReads(compilation);
        if (clock.TimeProvider is null || clock.IsInsideTimeProviderImplementation(type))
        {
            return null;
        }

        var plan = ConstructorInjection.Plan(type, clock.TimeProvider, ParameterName, FieldName, compilation, cancellationToken, defaultMember: "System");
        if (plan is null)
        {
            return null;
        }

        var reads = ImmutableArray.CreateBuilder<Read>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = compilation.GetSemanticModel(declaration.SyntaxTree);
            foreach (var node in declaration.DescendantNodes())
            {
                if (node is not ExpressionSyntax expression
                    || !IsCandidate(expression)
                    || node.FirstAncestorOrSelf<TypeDeclarationSyntax>() != declaration
                    || semanticModel.GetOperation(expression, cancellationToken) is not IPropertyReferenceOperation operation)
                {
                    continue;
                }

                var kind = clock.Classify(operation);
                if (kind is ClockRead.None or ClockRead.TimeProviderSystem
                    || ExpressionTrees.IsInExpressionTree(operation)
                    || !ConstructorInjection.CanReach(plan, expression)
                    || !BindsToProvider(plan, semanticModel, expression.SpanStart))
                {
                    continue;
                }

                reads.Add(new Read(expression, kind));
            }
        }

        return reads.Count == 0 ? null : new PlannedWork(plan, reads.ToImmutable());
    }

    /// <summary><c>DateTime.UtcNow</c>, or <c>UtcNow</c> alone (under <c>using static</c>), not the name part of a member access.</summary>
    private static bool IsCandidate(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText is "Now" or "UtcNow" or "Today",
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText is "Now" or "UtcNow" or "Today"
            && !(identifier.Parent is MemberAccessExpressionSyntax parent && parent.Name == identifier),
        _ => false,
    };

    /// <summary>For a reused member: true when its name, written at the read, still means that member.</summary>
    private static bool BindsToProvider(InjectionPlan plan, SemanticModel semanticModel, int position)
    {
        if (plan.AddsParameter)
        {
            return true;
        }

        var found = semanticModel.LookupSymbols(position, name: plan.Name);
        return found.Length > 0 && found[0] is IFieldSymbol or IPropertySymbol or IParameterSymbol;
    }

    /// <summary>Fix All: groups the diagnostics by containing type and fixes each type once, in one solution edit.</summary>
    private sealed class PerTypeFixAllProvider : FixAllProvider
    {
        public static readonly PerTypeFixAllProvider Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var types = new List<(Project, INamedTypeSymbol)>();
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var found in await FixAllFindings.ByDocumentAsync(fixAllContext).ConfigureAwait(false))
            {
                foreach (var diagnostic in found.Diagnostics)
                {
                    if (ContainingType(found.Root, found.SemanticModel, diagnostic, fixAllContext.CancellationToken) is { } type && seen.Add(type))
                    {
                        types.Add((found.Document.Project, type));
                    }
                }
            }

            return types.Count == 0
                ? FixAllPerFinding.Unchanged(fixAllContext)
                : CodeAction.Create(
                    "Inject TimeProvider into every type that reads the clock",
                    ct => FixAsync(fixAllContext.Solution, types, ct),
                    EquivalenceKey);
        }
    }
}
