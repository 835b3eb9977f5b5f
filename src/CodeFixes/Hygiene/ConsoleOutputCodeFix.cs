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
/// TST5002: sends console output to the test framework's per-test output instead.
/// <list type="bullet">
/// <item>xUnit v3: <c>TestContext.Current.TestOutputHelper?.WriteLine(...)</c> (string or format + args).</item>
/// <item>xUnit v2: an <c>ITestOutputHelper</c> injected through the constructor, once per class
/// (reusing one the class already has); <c>WriteLine</c> with a string or format + args.</item>
/// <item>NUnit: <c>TestContext.Out.WriteLine(...)</c> (a <c>TextWriter</c>: every overload).</item>
/// <item>MSTest: the class's <c>TestContext</c> property (added once per class when absent), string or format + args.</item>
/// <item>TUnit: <c>TestContext.Current?.OutputWriter.WriteLine(...)</c> (<c>ErrorOutputWriter</c> for
/// <c>Console.Error</c>; a <c>TextWriter</c>: every overload).</item>
/// </list>
/// No fix where the target has no matching overload (<c>Console.WriteLine()</c>, <c>Console.Write(42)</c>
/// for the xUnit and MSTest helpers, <c>Console.Write</c> on xUnit v2), where named arguments are
/// used, or where an instance member is out of reach (static members for xUnit v2 and MSTest).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConsoleOutputCodeFix))]
[Shared]
public sealed class ConsoleOutputCodeFix : CodeFixProvider
{
    public const string XunitV3Key = "TST5002.XunitV3TestOutputHelper";
    public const string XunitV2Key = "TST5002.XunitV2InjectTestOutputHelper";
    public const string NUnitKey = "TST5002.NUnitTestContextOut";
    public const string MSTestKey = "TST5002.MSTestTestContext";
    public const string TUnitKey = "TST5002.TUnitOutputWriter";

    private const string OutputParameterName = "output";
    private const string OutputFieldName = "_output";
    private const string TestContextPropertyName = "TestContext";

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

    private enum Target
    {
        XunitV2,
        XunitV3,
        NUnit,
        MSTest,
        TUnit,
    }

    private static string Key(Target target) => target switch
    {
        Target.XunitV2 => XunitV2Key,
        Target.XunitV3 => XunitV3Key,
        Target.NUnit => NUnitKey,
        Target.MSTest => MSTestKey,
        _ => TUnitKey,
    };

    private static string Title(Target target) => target switch
    {
        Target.XunitV2 => "Write to an injected ITestOutputHelper",
        Target.XunitV3 => "Write to TestContext.Current.TestOutputHelper",
        Target.NUnit => "Write to TestContext.Out",
        Target.MSTest => "Write to the TestContext",
        _ => "Write to TestContext.Current.OutputWriter",
    };

    /// <summary>One console write the fix can rewrite, before any edit.</summary>
    private sealed class ConsoleWrite
    {
        public ConsoleWrite(DocumentId document, InvocationExpressionSyntax node, INamedTypeSymbol type, Target target, string method, bool toError)
        {
            Document = document;
            Node = node;
            Type = type;
            Target = target;
            Method = method;
            ToError = toError;
        }

        public DocumentId Document { get; }

        public InvocationExpressionSyntax Node { get; }

        public INamedTypeSymbol Type { get; }

        public Target Target { get; }

        /// <summary><c>Write</c> or <c>WriteLine</c>.</summary>
        public string Method { get; }

        /// <summary>True for <c>Console.Error.Write*</c>.</summary>
        public bool ToError { get; }
    }

    /// <summary>What one type gets: how code reaches the output, and the writes that can use it.</summary>
    private sealed class TypePlan
    {
        public TypePlan(INamedTypeSymbol type, Target target, List<ConsoleWrite> writes)
        {
            Type = type;
            Target = target;
            Writes = writes;
        }

        public INamedTypeSymbol Type { get; }

        public Target Target { get; }

        public List<ConsoleWrite> Writes { get; }

        /// <summary>xUnit v2: the constructor injection of <c>ITestOutputHelper</c>.</summary>
        public InjectionPlan? Injection { get; set; }

        /// <summary>MSTest: the name of the <c>TestContext</c> member the writes use.</summary>
        public string? ContextName { get; set; }

        /// <summary>MSTest: true when the <c>TestContext</c> property must be added.</summary>
        public bool AddsContextProperty { get; set; }

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
            || ConsoleOutputAnalyzer.ConsoleWrite(invocation, console) is not { } stream
            || node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration
            || semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not { } type
            || TargetOf(type, semanticModel.Compilation) is not { } target
            || !Supports(target, invocation.TargetMethod))
        {
            return null;
        }

        return new ConsoleWrite(document.Id, node, type, target, invocation.TargetMethod.Name, stream == "Console.Error");
    }

    /// <summary>True when the target has an overload for the console call: every overload for a <c>TextWriter</c>, a string or format + args for the helpers.</summary>
    private static bool Supports(Target target, IMethodSymbol method)
    {
        if (target is Target.NUnit or Target.TUnit)
        {
            return true;
        }

        if (target == Target.XunitV2 && method.Name != "WriteLine")
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

    /// <summary>The framework whose tests <paramref name="type"/> holds (or serves, for a base class).</summary>
    private static Target? TargetOf(INamedTypeSymbol type, Compilation compilation)
    {
        var model = TestCodeModel.For(compilation);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IMethodSymbol method && model.IsTestMethod(method))
                {
                    foreach (var attribute in method.GetAttributes())
                    {
                        if (FrameworkOf(attribute.AttributeClass) is { } found)
                        {
                            return found;
                        }
                    }
                }
            }
        }

        return model.Frameworks switch
        {
            TestFramework.XunitV2 => Target.XunitV2,
            TestFramework.XunitV3 => Target.XunitV3,
            TestFramework.NUnit => Target.NUnit,
            TestFramework.MSTest => Target.MSTest,
            TestFramework.TUnit => Target.TUnit,
            _ => null,
        };
    }

    private static Target? FrameworkOf(INamedTypeSymbol? attributeClass)
    {
        for (var current = attributeClass; current is not null; current = current.BaseType)
        {
            if (FrameworkOfAssembly(current.ContainingAssembly?.Name) is { } found)
            {
                return found;
            }
        }

        if (attributeClass is not null)
        {
            foreach (var iface in attributeClass.AllInterfaces)
            {
                if (FrameworkOfAssembly(iface.ContainingAssembly?.Name) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static Target? FrameworkOfAssembly(string? assembly) => assembly switch
    {
        "xunit.core" => Target.XunitV2,
        "xunit.v3.core" => Target.XunitV3,
        "nunit.framework" => Target.NUnit,
        "Microsoft.VisualStudio.TestPlatform.TestFramework" or "MSTest.TestFramework" => Target.MSTest,
        "TUnit.Core" => Target.TUnit,
        _ => null,
    };

    /// <summary>
    /// Decides what the type gets and which of <paramref name="writes"/> can use it; null when the
    /// framework's output API is missing or the type cannot take it.
    /// </summary>
    private static async Task<TypePlan?> PlanTypeAsync(Solution solution, INamedTypeSymbol type, Target target, IEnumerable<ConsoleWrite> writes, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree);
        var compilation = document is null ? null : await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return null;
        }

        var plan = new TypePlan(type, target, new List<ConsoleWrite>());
        switch (target)
        {
            case Target.XunitV3:
                plan.OutputType = TypeLookup.Find(compilation, "Xunit.TestContext");
                break;
            case Target.NUnit:
                plan.OutputType = TypeLookup.Find(compilation, "NUnit.Framework.TestContext");
                break;
            case Target.TUnit:
                plan.OutputType = TypeLookup.Find(compilation, "TUnit.Core.TestContext");
                break;
            case Target.XunitV2:
                plan.OutputType = TypeLookup.Find(compilation, "Xunit.Abstractions.ITestOutputHelper");
                if (plan.OutputType is not null)
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

                break;
            case Target.MSTest:
                plan.OutputType = TypeLookup.Find(compilation, "Microsoft.VisualStudio.TestTools.UnitTesting.TestContext");
                if (plan.OutputType is not null && !PlanTestContext(plan, type, plan.OutputType, compilation))
                {
                    return null;
                }

                break;
        }

        if (plan.OutputType is null)
        {
            return null;
        }

        foreach (var write in writes)
        {
            var reachable = target switch
            {
                Target.XunitV2 => ConstructorInjection.CanReach(plan.Injection!, write.Node),
                Target.MSTest => IsInstanceContextOf(write.Node, type),
                _ => true,
            };
            if (reachable)
            {
                plan.Writes.Add(write);
            }
        }

        return plan;
    }

    /// <summary>MSTest: reuse an instance field or property of type <c>TestContext</c>, or add the <c>TestContext</c> property.</summary>
    private static bool PlanTestContext(TypePlan plan, INamedTypeSymbol type, ITypeSymbol testContext, Compilation compilation)
    {
        var nameTaken = false;
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.Name == TestContextPropertyName)
                {
                    nameTaken = true;
                }

                var memberType = member switch
                {
                    IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } field => field.Type,
                    IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property => property.Type,
                    _ => null,
                };
                if (memberType is not null
                    && SymbolEqualityComparer.Default.Equals(memberType, testContext)
                    && compilation.IsSymbolAccessibleWithin(member, type))
                {
                    plan.ContextName = member.Name;
                    return true;
                }
            }
        }

        if (nameTaken)
        {
            return false;
        }

        plan.ContextName = TestContextPropertyName;
        plan.AddsContextProperty = true;
        return true;
    }

    /// <summary>True when code at <paramref name="node"/> runs with an instance of <paramref name="type"/> at hand (<c>this</c> is usable).</summary>
    private static bool IsInstanceContextOf(SyntaxNode node, INamedTypeSymbol type)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax lambda when lambda.Modifiers.Any(SyntaxKind.StaticKeyword):
                case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.StaticKeyword):
                case ConstructorInitializerSyntax:
                case AttributeSyntax:
                case FieldDeclarationSyntax:
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                    return false;
                case BaseMethodDeclarationSyntax method:
                    return !method.Modifiers.Any(SyntaxKind.StaticKeyword) && method.Parent is TypeDeclarationSyntax owner && owner.Identifier.ValueText == type.Name;
                case BasePropertyDeclarationSyntax property:
                    return !property.Modifiers.Any(SyntaxKind.StaticKeyword) && property.Parent is TypeDeclarationSyntax propertyOwner && propertyOwner.Identifier.ValueText == type.Name;
                case TypeDeclarationSyntax:
                    return false;
            }
        }

        return false;
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

            if (plan.AddsContextProperty)
            {
                await AddTestContextPropertyAsync(editor, plan, cancellationToken).ConfigureAwait(false);
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

        ExpressionSyntax result = plan.Target switch
        {
            // TestContext.Current.TestOutputHelper?.WriteLine(...)
            Target.XunitV3 => ConditionalAccessExpression(
                Member(Member(TypeName(), "Current"), "TestOutputHelper"),
                InvocationExpression(MemberBindingExpression(method), arguments)),

            // TestContext.Current?.OutputWriter.WriteLine(...)
            Target.TUnit => ConditionalAccessExpression(
                Member(TypeName(), "Current"),
                InvocationExpression(
                    MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        MemberBindingExpression(IdentifierName(write.ToError ? "ErrorOutputWriter" : "OutputWriter")),
                        method),
                    arguments)),

            // TestContext.Out.WriteLine(...)
            Target.NUnit => InvocationExpression(Member(Member(TypeName(), "Out"), write.Method), arguments),

            // _output.WriteLine(...)
            Target.XunitV2 => InvocationExpression(Member(IdentifierName(plan.Injection!.Name), write.Method), arguments),

            // TestContext.WriteLine(...)
            _ => InvocationExpression(Member(IdentifierName(plan.ContextName!), write.Method), arguments),
        };

        return result.WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static MemberAccessExpressionSyntax Member(ExpressionSyntax expression, string name)
        => MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, expression, IdentifierName(name));

    /// <summary>MSTest: <c>public TestContext TestContext { get; set; } = null!;</c>, after the fields of the first declaration.</summary>
    private static async Task AddTestContextPropertyAsync(SolutionEditor editor, TypePlan plan, CancellationToken cancellationToken)
    {
        var firstWrite = plan.Writes[0];
        var documentEditor = await editor.GetDocumentEditorAsync(firstWrite.Document, cancellationToken).ConfigureAwait(false);
        var declaration = firstWrite.Node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (declaration is null)
        {
            return;
        }

        var typeSyntax = ((TypeSyntax)documentEditor.Generator.TypeExpression(plan.OutputType!))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var property = PropertyDeclaration(typeSyntax, Identifier(TestContextPropertyName))
            .WithModifiers(TokenList(Token(SyntaxKind.PublicKeyword)))
            .WithAccessorList(AccessorList(List(new[]
            {
                AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(Token(SyntaxKind.SemicolonToken)),
                AccessorDeclaration(SyntaxKind.SetAccessorDeclaration).WithSemicolonToken(Token(SyntaxKind.SemicolonToken)),
            })))
            .WithInitializer(EqualsValueClause(PostfixUnaryExpression(
                SyntaxKind.SuppressNullableWarningExpression,
                LiteralExpression(SyntaxKind.NullLiteralExpression))))
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken))
            .WithAdditionalAnnotations(Formatter.Annotation);

        documentEditor.ReplaceNode(declaration, (current, _) =>
        {
            var type = (TypeDeclarationSyntax)current;
            var index = 0;
            for (var i = 0; i < type.Members.Count; i++)
            {
                if (type.Members[i] is FieldDeclarationSyntax)
                {
                    index = i + 1;
                }
            }

            return type.WithMembers(type.Members.Insert(index, property));
        });
    }

    private sealed class TypeAndTargetComparer : IEqualityComparer<(INamedTypeSymbol Type, Target Target)>
    {
        public static readonly TypeAndTargetComparer Instance = new();

        public bool Equals((INamedTypeSymbol Type, Target Target) x, (INamedTypeSymbol Type, Target Target) y)
            => x.Target == y.Target && SymbolEqualityComparer.Default.Equals(x.Type, y.Type);

        public int GetHashCode((INamedTypeSymbol Type, Target Target) obj)
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
                    "Write to the test framework's output",
                    ct => FixAsync(fixAllContext.Solution, writes, ct),
                    fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
