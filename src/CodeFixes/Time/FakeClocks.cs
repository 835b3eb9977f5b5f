using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TestSmells.Analyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.Simplification;

namespace TestSmells.Analyzers.CodeFixes.Time;

/// <summary>What the Time fixes share: finding the <c>FakeTimeProvider</c> in scope, and writing code.</summary>
internal static class FakeClocks
{
    public const string FakeTimeProviderName = "Microsoft.Extensions.Time.Testing.FakeTimeProvider";

    /// <summary>
    /// The name of a <c>FakeTimeProvider</c> usable at <paramref name="node"/>: a local declared before
    /// it (the nearest), a parameter, else a field or property of the type (a static one from static
    /// code). Null when there is none.
    /// </summary>
    public static string? FindInScope(SemanticModel semanticModel, SyntaxNode node, CancellationToken cancellationToken)
    {
        var fake = semanticModel.Compilation.GetTypeByMetadataName(FakeTimeProviderName);
        if (fake is null)
        {
            return null;
        }

        var position = node.SpanStart;
        var member = semanticModel.GetEnclosingSymbol(position, cancellationToken);
        while (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
        {
            member = member.ContainingSymbol;
        }

        var staticContext = member is null || member.IsStatic || InStaticFunction(node);
        ILocalSymbol? bestLocal = null;
        var bestLocalStart = -1;
        string? parameter = null;
        string? memberName = null;
        foreach (var symbol in semanticModel.LookupSymbols(position))
        {
            switch (symbol)
            {
                case ILocalSymbol local when IsFake(local.Type, fake):
                    var start = local.Locations.Length > 0 ? local.Locations[0].SourceSpan.Start : int.MaxValue;
                    if (start < position && start > bestLocalStart && !InStaticFunction(node))
                    {
                        bestLocal = local;
                        bestLocalStart = start;
                    }

                    break;
                case IParameterSymbol candidate when IsFake(candidate.Type, fake) && !InStaticFunction(node):
                    parameter ??= candidate.Name;
                    break;
                case IFieldSymbol field when IsFake(field.Type, fake) && (field.IsStatic || !staticContext):
                    memberName ??= field.Name;
                    break;
                case IPropertySymbol property when !property.IsIndexer && property.GetMethod is not null && IsFake(property.Type, fake) && (property.IsStatic || !staticContext):
                    memberName ??= property.Name;
                    break;
            }
        }

        return bestLocal?.Name ?? parameter ?? memberName;
    }

    private static bool InStaticFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax lambda when lambda.Modifiers.Any(SyntaxKind.StaticKeyword):
                case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.StaticKeyword):
                    return true;
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsFake(ITypeSymbol type, INamedTypeSymbol fake)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, fake))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Replaces <paramref name="node"/> by <paramref name="replacement"/> and adds the <paramref name="imports"/>.</summary>
    public static async System.Threading.Tasks.Task<Document> ReplaceAsync(Document document, SyntaxNode node, SyntaxNode replacement, IEnumerable<string> imports, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null
            ? document
            : document.WithSyntaxRoot(Imports.AddUsings(root.ReplaceNode(node, replacement), imports));
    }

    /// <summary>Short names that <see cref="Code"/> resolves to types.</summary>
    private static readonly (string Name, string MetadataName)[] KnownTypes =
    {
        ("DateTime", "System.DateTime"),
        ("DateTimeKind", "System.DateTimeKind"),
        ("DateTimeOffset", "System.DateTimeOffset"),
        ("TimeSpan", "System.TimeSpan"),
        ("SpinWait", "System.Threading.SpinWait"),
        ("Stopwatch", "System.Diagnostics.Stopwatch"),
        ("Task", "System.Threading.Tasks.Task"),
        ("FakeTimeProvider", FakeTimeProviderName),
    };

    /// <summary>
    /// Parses <paramref name="template"/>, where the short names of <see cref="KnownTypes"/> stand for
    /// those types: each is written as a person would at <paramref name="position"/> (short, with its
    /// namespace added to <paramref name="imports"/>, or qualified when another type has that name).
    /// </summary>
    public static ExpressionSyntax Code(string template, SemanticModel semanticModel, int position, ICollection<string> imports)
    {
        var parsed = SyntaxFactory.ParseExpression(template);
        return parsed.ReplaceNodes(
            parsed.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Where(n => IsTypePosition(n) && KnownTypes.Any(k => k.Name == n.Identifier.ValueText)),
            (original, _) =>
            {
                var metadataName = KnownTypes.First(k => k.Name == original.Identifier.ValueText).MetadataName;
                var type = semanticModel.Compilation.GetTypeByMetadataName(metadataName);
                if (type is null)
                {
                    return SyntaxFactory.ParseTypeName("global::" + metadataName).WithTriviaFrom(original);
                }

                var (name, import) = Imports.NameFor(type, semanticModel, position);
                if (import is not null)
                {
                    imports.Add(import);
                }

                return name.WithTriviaFrom(original);
            });
    }

    /// <summary>A name that starts an expression (<c>TimeSpan</c> in <c>TimeSpan.Zero</c>, <c>new DateTime(..)</c>), not a member name.</summary>
    private static bool IsTypePosition(IdentifierNameSyntax name)
        => !(name.Parent is MemberAccessExpressionSyntax access && access.Name == name);

    /// <summary>A duration as a <c>TimeSpan</c>: milliseconds (int, long) become <c>TimeSpan.FromMilliseconds(n)</c>.</summary>
    public static ExpressionSyntax AsTimeSpan(ExpressionSyntax duration, bool isTimeSpan, SemanticModel semanticModel, int position, ICollection<string> imports)
    {
        if (isTimeSpan)
        {
            return duration.WithoutTrivia();
        }

        return SyntaxFactory.InvocationExpression(
                Code("TimeSpan.FromMilliseconds", semanticModel, position, imports),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(duration.WithoutTrivia()))));
    }
}
