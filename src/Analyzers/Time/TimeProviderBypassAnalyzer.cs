using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Time;

/// <summary>
/// TST1005: in a type that has a <c>TimeProvider</c> (field, property or primary-constructor parameter),
/// a <c>Task.Delay</c>, <c>new Timer(...)</c>, <c>WaitAsync(timeout)</c> or <c>new CancellationTokenSource(delay)</c>
/// that runs on real time instead of on that provider. Runs in every compilation, but not on test code
/// (the wait of a test is TST1001/TST1002's business, and a test's provider is a fake that nobody
/// advances during the test's own waits).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimeProviderBypassAnalyzer : TestSmellsAnalyzer
{
    /// <summary>Diagnostic property: the name of the TimeProvider member to pass.</summary>
    public const string ProviderProperty = "TimeProvider";

    /// <summary>Diagnostic property: which call bypasses it (<see cref="BypassKind"/>).</summary>
    public const string KindProperty = "Bypass";

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST1005);

    private protected override bool AnalyzesEveryCompilation => true;

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var compilation = context.Compilation;
        var timeProvider = TypeLookup.Find(compilation, "System.TimeProvider");
        var task = TypeLookup.Find(compilation, "System.Threading.Tasks.Task");
        if (timeProvider is null || task is null || !HasTimeProviderOverload(task, "Delay", timeProvider))
        {
            // Only the in-box overloads of .NET 8+ take a TimeProvider.
            return;
        }

        var genericTask = TypeLookup.Find(compilation, "System.Threading.Tasks.Task`1");
        var timer = TypeLookup.Find(compilation, "System.Threading.Timer");
        var tokenSource = TypeLookup.Find(compilation, "System.Threading.CancellationTokenSource");
        var clock = new ClockReads(compilation);

        // Only types that hold a TimeProvider can bypass it. The look-up runs once per type when the type
        // starts; the others register nothing, so the compiler builds no operation tree for their code on
        // our account (the production projects of a solution, where most types hold no provider, pay
        // about what a build without the package pays).
        context.RegisterSymbolStartAction(
            start =>
            {
                var holder = (INamedTypeSymbol)start.Symbol;

                // A test class (or a base of one) is test code through and through (its waits are TST1001/TST1002's): a test
                // class holding a FakeTimeProvider, the common case in a test project, registers nothing.
                if (model.IsTestCode(holder)
                    || clock.IsInsideTimeProviderImplementation(holder)
                    || FindProvider(holder, timeProvider, compilation) is not { } provider)
                {
                    return;
                }

                start.RegisterOperationAction(
                    operationContext =>
                    {
                        var kind = operationContext.Operation switch
                        {
                            IInvocationOperation invocation => Classify(invocation, task, genericTask, timeProvider),
                            IObjectCreationOperation creation => Classify(creation, timer, tokenSource),
                            _ => BypassKind.None,
                        };
                        if (kind == BypassKind.None)
                        {
                            return;
                        }

                        // A nested type is its own holder (or not one): each operation belongs to the innermost type.
                        var containing = operationContext.ContainingSymbol;
                        var type = containing as INamedTypeSymbol ?? containing.ContainingType;
                        if (!SymbolEqualityComparer.Default.Equals(type, holder)
                            || model.IsTestCode(containing)
                            || ExpressionTrees.IsInExpressionTree(operationContext.Operation)
                            || UnresolvedCode.HasUnresolvedAttribute(containing)
                            || !IsReachable(provider, operationContext.Operation.Syntax, holder))
                        {
                            return;
                        }

                        var properties = ImmutableDictionary<string, string?>.Empty
                            .Add(ProviderProperty, provider.Name)
                            .Add(KindProperty, kind.ToString());
                        operationContext.ReportDiagnostic(Diagnostic.Create(
                            Rules.TST1005,
                            operationContext.Operation.Syntax.GetLocation(),
                            properties,
                            Display(kind),
                            provider.Name));
                    },
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation);
            },
            SymbolKind.NamedType);
    }

    private static BypassKind Classify(IInvocationOperation invocation, INamedTypeSymbol task, INamedTypeSymbol? genericTask, INamedTypeSymbol timeProvider)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Delay" when method.IsStatic
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, task)
                && !HasParameterOfType(method, timeProvider)
                && method.Parameters.Length > 0
                && !FixedWaits.IsZeroOrInfinite(invocation.Arguments[0].Value):
                return BypassKind.Delay;
            case "WaitAsync" when !method.IsStatic
                && (SymbolEqualityComparer.Default.Equals(method.ContainingType, task)
                    || SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, genericTask))
                && !HasParameterOfType(method, timeProvider)
                && method.Parameters.Length > 0
                && method.Parameters[0].Type.Name == "TimeSpan":
                return BypassKind.WaitAsync;
            default:
                return BypassKind.None;
        }
    }

    private static BypassKind Classify(IObjectCreationOperation creation, INamedTypeSymbol? timer, INamedTypeSymbol? tokenSource)
    {
        var type = creation.Type;
        if (type is null || creation.Constructor is null)
        {
            return BypassKind.None;
        }

        if (SymbolEqualityComparer.Default.Equals(type, timer) && creation.Arguments.Length == 4)
        {
            return BypassKind.Timer;
        }

        if (SymbolEqualityComparer.Default.Equals(type, tokenSource)
            && creation.Arguments.Length == 1
            && (creation.Constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32 || creation.Constructor.Parameters[0].Type.Name == "TimeSpan")
            && !FixedWaits.IsZeroOrInfinite(creation.Arguments[0].Value))
        {
            return BypassKind.CancellationTokenSource;
        }

        return BypassKind.None;
    }

    private static string Display(BypassKind kind) => kind switch
    {
        BypassKind.Delay => "Task.Delay",
        BypassKind.WaitAsync => "WaitAsync",
        BypassKind.Timer => "new Timer",
        _ => "new CancellationTokenSource",
    };

    private static bool HasTimeProviderOverload(INamedTypeSymbol type, string name, INamedTypeSymbol timeProvider)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol method && HasParameterOfType(method, timeProvider))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasParameterOfType(IMethodSymbol method, INamedTypeSymbol type)
    {
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The TimeProvider the type holds: a field or property declared exactly as <c>TimeProvider</c>
    /// (its own, or a non-private one of a base class), or a primary-constructor parameter. A member
    /// typed as a subclass (a <c>FakeTimeProvider</c>) is a fake driven by hand: not offered.
    /// </summary>
    private static ProviderMember? FindProvider(INamedTypeSymbol type, INamedTypeSymbol timeProvider, Compilation compilation)
    {
        ProviderMember? staticProvider = null;
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var own = SymbolEqualityComparer.Default.Equals(current, type);
            foreach (var member in current.GetMembers())
            {
                // The type test first: accessibility is the expensive question, asked only of the few TimeProvider members.
                var memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                    _ => null,
                };
                if (!SymbolEqualityComparer.Default.Equals(memberType, timeProvider)
                    || member.IsImplicitlyDeclared
                    || (!own && member.DeclaredAccessibility == Accessibility.Private)
                    || !compilation.IsSymbolAccessibleWithin(member, type))
                {
                    continue;
                }

                if (!member.IsStatic)
                {
                    return new ProviderMember(member.Name, isStatic: false, isParameter: false);
                }

                staticProvider ??= new ProviderMember(member.Name, isStatic: true, isParameter: false);
            }

            if (own)
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    if (constructor.IsImplicitlyDeclared
                        || constructor.DeclaringSyntaxReferences.Length != 1
                        || constructor.DeclaringSyntaxReferences[0].GetSyntax() is not TypeDeclarationSyntax)
                    {
                        continue;
                    }

                    foreach (var parameter in constructor.Parameters)
                    {
                        if (SymbolEqualityComparer.Default.Equals(parameter.Type, timeProvider))
                        {
                            return new ProviderMember(parameter.Name, isStatic: false, isParameter: true);
                        }
                    }
                }
            }
        }

        return staticProvider;
    }

    /// <summary>
    /// True when the provider can be named at <paramref name="node"/>: a static one anywhere in the
    /// type; an instance one in instance members (not in a static lambda or local function, not in a
    /// lambda of a struct); a primary-constructor parameter also in initializers.
    /// </summary>
    private static bool IsReachable(ProviderMember provider, SyntaxNode node, INamedTypeSymbol type)
    {
        if (provider.IsStatic)
        {
            return true;
        }

        var insideFunction = false;
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    if (lambda.Modifiers.Any(SyntaxKind.StaticKeyword))
                    {
                        return false;
                    }

                    insideFunction = true;
                    break;
                case LocalFunctionStatementSyntax local:
                    if (local.Modifiers.Any(SyntaxKind.StaticKeyword))
                    {
                        return false;
                    }

                    insideFunction = true;
                    break;
                case ConstructorInitializerSyntax:
                case AttributeSyntax:
                    return false;
                case PrimaryConstructorBaseTypeSyntax:
                    return provider.IsParameter;
                case EqualsValueClauseSyntax when current.Parent is VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field }:
                    return provider.IsParameter && !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case EqualsValueClauseSyntax when current.Parent is PropertyDeclarationSyntax property:
                    return provider.IsParameter && !property.Modifiers.Any(SyntaxKind.StaticKeyword);
                case BaseMethodDeclarationSyntax method:
                    return !method.Modifiers.Any(SyntaxKind.StaticKeyword)
                        && method is not (OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax)
                        && !(insideFunction && type.TypeKind == TypeKind.Struct);
                case BasePropertyDeclarationSyntax property:
                    return !property.Modifiers.Any(SyntaxKind.StaticKeyword)
                        && !(insideFunction && type.TypeKind == TypeKind.Struct);
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private readonly struct ProviderMember
    {
        public ProviderMember(string name, bool isStatic, bool isParameter)
        {
            Name = name;
            IsStatic = isStatic;
            IsParameter = isParameter;
        }

        public string Name { get; }

        public bool IsStatic { get; }

        public bool IsParameter { get; }
    }
}

/// <summary>The kinds of real-time waits TST1005 reports.</summary>
internal enum BypassKind
{
    None,
    Delay,
    WaitAsync,
    Timer,
    CancellationTokenSource,
}
