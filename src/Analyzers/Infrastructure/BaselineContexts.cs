using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TestSmells.Analyzers.Infrastructure;

/// <summary>
/// The compilation-start context a rule gets when its compilation has a baseline: every action the
/// rule registers is wrapped so that the context it receives reports through the
/// <see cref="BaselineFilter"/> instead of straight to the compiler. Only built when a baseline exists.
/// </summary>
internal sealed class BaselineCompilationStartContext : CompilationStartAnalysisContext
{
    private readonly CompilationStartAnalysisContext _inner;
    private readonly BaselineFilter _filter;

#pragma warning disable RS1012 // A forwarding context: the actions are registered on 'inner' by the overrides below.
    public BaselineCompilationStartContext(CompilationStartAnalysisContext inner, BaselineFilter filter)
        : base(inner.Compilation, inner.Options, inner.CancellationToken)
    {
        _inner = inner;
        _filter = filter;
    }
#pragma warning restore RS1012

    public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
        => _inner.RegisterCompilationEndAction(BaselineWrap.Compilation(action, _filter));

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        => _inner.RegisterSemanticModelAction(BaselineWrap.SemanticModel(action, _filter));

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        => _inner.RegisterSymbolAction(BaselineWrap.Symbol(action, _filter), symbolKinds);

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
        => _inner.RegisterSymbolStartAction(start => action(new BaselineSymbolStartContext(start, _filter)), symbolKind);

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        => _inner.RegisterSyntaxTreeAction(BaselineWrap.SyntaxTree(action, _filter));

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        => _inner.RegisterSyntaxNodeAction(BaselineWrap.SyntaxNode(action, _filter), syntaxKinds);

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        => _inner.RegisterOperationAction(BaselineWrap.Operation(action, _filter), operationKinds);

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action)
        => _inner.RegisterOperationBlockAction(BaselineWrap.OperationBlock(action, _filter));

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        => _inner.RegisterCodeBlockAction(BaselineWrap.CodeBlock(action, _filter));

    // No rule registers these start actions (their nested contexts are not wrapped); the test that runs
    // every analyzer against a baseline of its own findings fails if one starts to.
    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        => _inner.RegisterCodeBlockStartAction(action);

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        => _inner.RegisterOperationBlockStartAction(action);
}

/// <summary>The symbol-start counterpart of <see cref="BaselineCompilationStartContext"/>.</summary>
internal sealed class BaselineSymbolStartContext : SymbolStartAnalysisContext
{
    private readonly SymbolStartAnalysisContext _inner;
    private readonly BaselineFilter _filter;

#pragma warning disable CS0618 // See BaselineWrap.
    public BaselineSymbolStartContext(SymbolStartAnalysisContext inner, BaselineFilter filter)
        : base(inner.Symbol, inner.Compilation, inner.Options, inner.CancellationToken)
    {
        _inner = inner;
        _filter = filter;
    }
#pragma warning restore CS0618

    public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action)
        => _inner.RegisterSymbolEndAction(BaselineWrap.Symbol(action, _filter));

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        => _inner.RegisterSyntaxNodeAction(BaselineWrap.SyntaxNode(action, _filter), syntaxKinds);

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        => _inner.RegisterOperationAction(BaselineWrap.Operation(action, _filter), operationKinds);

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action)
        => _inner.RegisterOperationBlockAction(BaselineWrap.OperationBlock(action, _filter));

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        => _inner.RegisterCodeBlockAction(BaselineWrap.CodeBlock(action, _filter));

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        => _inner.RegisterCodeBlockStartAction(action);

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        => _inner.RegisterOperationBlockStartAction(action);
}

/// <summary>
/// Rebuilds each callback's context with a report delegate that goes through the filter. The public
/// context constructors are marked obsolete (they exist for tests and hosts), and the contexts they
/// build have no control-flow-graph provider and no filter span: no rule asks for either.
/// </summary>
#pragma warning disable CS0618 // The public context constructors are the only way to route ReportDiagnostic.
internal static class BaselineWrap
{
    private static readonly Func<Diagnostic, bool> Supported = _ => true;

    public static Action<CompilationAnalysisContext> Compilation(Action<CompilationAnalysisContext> action, BaselineFilter filter)
        => c => action(new CompilationAnalysisContext(
            c.Compilation, c.Options, d => filter.Report(d, c.ReportDiagnostic, c.CancellationToken), Supported, c.CancellationToken));

    public static Action<SemanticModelAnalysisContext> SemanticModel(Action<SemanticModelAnalysisContext> action, BaselineFilter filter)
        => c => action(new SemanticModelAnalysisContext(
            c.SemanticModel, c.Options, d => filter.Report(d, c.ReportDiagnostic, c.CancellationToken), Supported, c.CancellationToken));

    public static Action<SymbolAnalysisContext> Symbol(Action<SymbolAnalysisContext> action, BaselineFilter filter)
        => c => action(new SymbolAnalysisContext(
            c.Symbol, c.Compilation, c.Options, d => filter.Report(d, c.ReportDiagnostic, c.CancellationToken), Supported, c.CancellationToken));

    public static Action<SyntaxTreeAnalysisContext> SyntaxTree(Action<SyntaxTreeAnalysisContext> action, BaselineFilter filter)
        => c => action(new SyntaxTreeAnalysisContext(
            c.Tree, c.Options, d => filter.Report(d, c.ReportDiagnostic, c.CancellationToken), Supported, c.CancellationToken));

    public static Action<SyntaxNodeAnalysisContext> SyntaxNode(Action<SyntaxNodeAnalysisContext> action, BaselineFilter filter)
        => c => action(new SyntaxNodeAnalysisContext(
            c.Node, c.ContainingSymbol, c.SemanticModel, c.Options, d => filter.Report(d, c.ReportDiagnostic, c.CancellationToken), Supported, c.CancellationToken));

    public static Action<OperationAnalysisContext> Operation(Action<OperationAnalysisContext> action, BaselineFilter filter)
        => c => action(new OperationAnalysisContext(
            c.Operation, c.ContainingSymbol, c.Compilation, c.Options, d => filter.Report(d, c.ReportDiagnostic, c.CancellationToken), Supported, c.CancellationToken));

    public static Action<OperationBlockAnalysisContext> OperationBlock(Action<OperationBlockAnalysisContext> action, BaselineFilter filter)
        => c => action(new OperationBlockAnalysisContext(
            c.OperationBlocks, c.OwningSymbol, c.Compilation, c.Options, d => filter.Report(d, c.ReportDiagnostic, c.CancellationToken), Supported, c.CancellationToken));

    public static Action<CodeBlockAnalysisContext> CodeBlock(Action<CodeBlockAnalysisContext> action, BaselineFilter filter)
        => c => action(new CodeBlockAnalysisContext(
            c.CodeBlock, c.OwningSymbol, c.SemanticModel, c.Options, d => filter.Report(d, c.ReportDiagnostic, c.CancellationToken), Supported, c.CancellationToken));
}
#pragma warning restore CS0618
