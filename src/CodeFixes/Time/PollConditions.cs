using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.CodeFixes.Time;

/// <summary>
/// Turns an assertion statement into the condition it checks, for the poll fix: xUnit
/// <c>Assert.True/False/Equal/NotEqual/Null/NotNull/Empty/NotEmpty/Single/Contains</c>, NUnit
/// <c>Assert.That(x)</c> and <c>Assert.That(x, Is.True/Is.False/Is.EqualTo(v)/Is.Null/Is.Not.Null)</c>,
/// NUnit classic and MSTest <c>IsTrue/IsFalse/AreEqual/IsNull/IsNotNull</c>, FluentAssertions and
/// AwesomeAssertions <c>Should().BeTrue()/BeFalse()/Be(v)/BeNull()/NotBeNull()</c>, Shouldly
/// <c>ShouldBe/ShouldBeTrue/ShouldBeFalse/ShouldBeNull/ShouldNotBeNull</c>, TUnit
/// <c>await Assert.That(x).IsTrue()/IsFalse()/IsEqualTo(v)/IsNull()/IsNotNull()</c>. Returns null for anything
/// else, and for overloads whose semantics a plain condition would not match (tolerances, comparers,
/// collection equality).
/// </summary>
internal static class PollConditions
{
    /// <summary>Argument names that only carry a message: allowed beside the ones a condition uses.</summary>
    private static readonly HashSet<string> MessageParameters = new(StringComparer.Ordinal)
    {
        "message", "userMessage", "because", "becauseArgs", "customMessage", "args", "parameters", "messageArgs", "getExceptionMessage",
    };

    public static ExpressionSyntax? From(StatementSyntax statement, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var call = statement switch
        {
            ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation } => invocation,
            ExpressionStatementSyntax { Expression: AwaitExpressionSyntax { Expression: InvocationExpressionSyntax awaited } } => awaited,
            LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } local
                when local.Declaration.Variables[0].Initializer?.Value is InvocationExpressionSyntax invocation => invocation,
            _ => null,
        };
        if (call is null || semanticModel.GetOperation(call, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var method = operation.TargetMethod;
        var container = method.ContainingType?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));
        ExpressionSyntax? condition;
        if (Frameworks.OfAssertType(container) is { AssertsWhenAwaited: false } framework)
        {
            condition = framework.Id switch
            {
                TestFramework.XunitV2 or TestFramework.XunitV3 => Xunit(operation, semanticModel),
                TestFramework.NUnit when method.Name == "That" && container == Frameworks.NUnit.AssertTypes[0] => NUnitThat(operation, semanticModel, cancellationToken),
                TestFramework.NUnit or TestFramework.MSTest => Classic(operation, semanticModel),
                _ => null,
            };
        }
        else
        {
            // TUnit's chains end in a method of TUnit.Assertions (not of Assert), and run only when awaited.
            var assembly = method.ContainingAssembly?.Name;
            condition = assembly == Frameworks.TUnit.AssertionAssembly
                ? (call.Parent is AwaitExpressionSyntax ? TUnit(operation, semanticModel) : null)
                : Libraries.ApiOf(assembly) switch
                {
                    LibraryApi.FluentAssertions => Fluent(operation, semanticModel),
                    LibraryApi.Shouldly => Shouldly(operation, semanticModel),
                    _ => null,
                };
        }
        return condition is null || !CanEvaluateEarly(condition, semanticModel) ? null : condition;
    }

    private static ExpressionSyntax? Xunit(IInvocationOperation operation, SemanticModel semanticModel)
    {
        switch (operation.TargetMethod.Name)
        {
            case "True":
            case "False":
                return Uses(operation, "condition") && Subject(operation, 0) is { } condition
                    ? Truth(condition, operation.TargetMethod.Name == "True")
                    : null;
            case "Equal":
            case "NotEqual":
                return Uses(operation, "expected", "actual") && Named(operation, "expected") is { } expected && Named(operation, "actual") is { } actual
                    ? Equality(actual, expected, semanticModel, numericLoose: false, equal: operation.TargetMethod.Name == "Equal")
                    : null;
            case "Null":
            case "NotNull":
                return Only(operation, 1) && Subject(operation, 0) is { } value ? Nullness(value, operation.TargetMethod.Name == "Null") : null;
            case "Empty":
            case "NotEmpty":
            case "Single":
                return Only(operation, 1) && Subject(operation, 0) is { } collection
                    ? Size(collection, operation.TargetMethod.Name)
                    : null;
            case "Contains":
                if (Uses(operation, "expectedSubstring", "actualString") && Named(operation, "expectedSubstring") is { } substring && Named(operation, "actualString") is { } text)
                {
                    // actualString?.Contains(expectedSubstring) == true
                    return SyntaxFactory.BinaryExpression(
                        SyntaxKind.EqualsExpression,
                        SyntaxFactory.ConditionalAccessExpression(
                            Parenthesize(text.Syntax),
                            SyntaxFactory.InvocationExpression(
                                SyntaxFactory.MemberBindingExpression(SyntaxFactory.IdentifierName("Contains")),
                                Arguments(substring.Syntax))),
                        SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));
                }

                return Uses(operation, "expected", "collection") && Named(operation, "expected") is { } item && Named(operation, "collection") is { } items
                    ? Contains(items, item, dictionary: operation.TargetMethod.TypeArguments.Length == 2)
                    : null;
            default:
                return null;
        }
    }

    private static ExpressionSyntax? NUnitThat(IInvocationOperation operation, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var actual = Subject(operation, 0);
        if (actual is null)
        {
            return null;
        }

        var constraint = Explicit(operation).FirstOrDefault(a => a.Parameter?.Ordinal == 1);
        if (constraint is null || constraint.Parameter?.Type.SpecialType == SpecialType.System_String)
        {
            // Assert.That(condition) or Assert.That(condition, "message").
            return Explicit(operation).All(a => a.Parameter?.Ordinal == 0 || IsMessage(a)) ? Truth(actual, expected: true) : null;
        }

        if (!Explicit(operation).All(a => a.Parameter?.Ordinal is 0 or 1 || IsMessage(a)) || constraint.Syntax is not ArgumentSyntax constraintArgument)
        {
            return null;
        }

        var expression = constraintArgument.Expression;
        var symbol = semanticModel.GetSymbolInfo(expression, cancellationToken).Symbol;
        switch (symbol)
        {
            case IPropertySymbol { Name: "True" or "False" or "Null" } property when IsNUnitIs(property.ContainingType):
                return property.Name == "Null" ? Nullness(actual, isNull: true) : Truth(actual, property.Name == "True");
            case IPropertySymbol { Name: "Null" } when expression is MemberAccessExpressionSyntax { Expression: { } not }
                && semanticModel.GetSymbolInfo(not, cancellationToken).Symbol is IPropertySymbol { Name: "Not" } notProperty
                && IsNUnitIs(notProperty.ContainingType):
                return Nullness(actual, isNull: false);
            case IMethodSymbol { Name: "EqualTo", Parameters.Length: 1 } equalTo when IsNUnitIs(equalTo.ContainingType)
                && expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } equalToCall
                && semanticModel.GetOperation(equalToCall, cancellationToken) is IInvocationOperation equalToOperation:
                return Subject(equalToOperation, 0) is { } expected
                    ? Equality(actual, expected, semanticModel, numericLoose: true, equal: true)
                    : null;
            default:
                return null;
        }
    }

    private static bool IsNUnitIs(INamedTypeSymbol? type) => type?.ToDisplayString() == Frameworks.NUnit.IsConstraints;

    /// <summary>NUnit classic (<c>ClassicAssert</c>, NUnit 3's <c>Assert</c>) and MSTest <c>Assert</c>.</summary>
    private static ExpressionSyntax? Classic(IInvocationOperation operation, SemanticModel semanticModel)
    {
        switch (operation.TargetMethod.Name)
        {
            case "IsTrue" or "True":
            case "IsFalse" or "False":
                return Uses(operation, "condition") && Subject(operation, 0) is { } condition
                    ? Truth(condition, operation.TargetMethod.Name is "IsTrue" or "True")
                    : null;
            case "AreEqual":
                return Uses(operation, "expected", "actual") && Named(operation, "expected") is { } expected && Named(operation, "actual") is { } actual
                    ? Equality(actual, expected, semanticModel, numericLoose: false, equal: true)
                    : null;
            case "IsNull" or "Null":
            case "IsNotNull" or "NotNull":
                return Uses(operation, "anObject", "value", "@object", "object") && Subject(operation, 0) is { } value
                    ? Nullness(value, operation.TargetMethod.Name is "IsNull" or "Null")
                    : null;
            default:
                return null;
        }
    }

    private static ExpressionSyntax? Fluent(IInvocationOperation operation, SemanticModel semanticModel)
    {
        if (operation.Instance is not IInvocationOperation { TargetMethod.Name: "Should" } should || Subject(should, 0) is not { } subject)
        {
            return null;
        }

        switch (operation.TargetMethod.Name)
        {
            case "BeTrue":
            case "BeFalse":
                return Uses(operation) ? Truth(subject, operation.TargetMethod.Name == "BeTrue") : null;
            case "BeNull":
            case "NotBeNull":
                return Uses(operation) ? Nullness(subject, operation.TargetMethod.Name == "BeNull") : null;
            case "Be":
                return Uses(operation, "expected") && Named(operation, "expected") is { } expected
                    ? Equality(subject, expected, semanticModel, numericLoose: false, equal: true)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>TUnit: <c>await Assert.That(x).IsTrue() / IsFalse() / IsEqualTo(v) / IsNull() / IsNotNull()</c>.</summary>
    private static ExpressionSyntax? TUnit(IInvocationOperation operation, SemanticModel semanticModel)
    {
        var that = operation.Instance ?? operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0 && operation.TargetMethod.IsExtensionMethod)?.Value;
        while (that is IConversionOperation conversion)
        {
            that = conversion.Operand;
        }

        if (that is not IInvocationOperation { TargetMethod.Name: "That" } thatCall
            || !Frameworks.TUnit.AssertTypes.Contains(thatCall.TargetMethod.ContainingType?.ToDisplayString() ?? string.Empty)
            || Subject(thatCall, 0) is not { } actual)
        {
            return null;
        }

        var written = Explicit(operation).Where(a => !(operation.TargetMethod.IsExtensionMethod && a.Parameter?.Ordinal == 0)).ToList();
        switch (operation.TargetMethod.Name)
        {
            case "IsTrue":
            case "IsFalse":
                return written.Count == 0 ? Truth(actual, operation.TargetMethod.Name == "IsTrue") : null;
            case "IsNull":
            case "IsNotNull":
                return written.Count == 0 ? Nullness(actual, operation.TargetMethod.Name == "IsNull") : null;
            case "IsEqualTo":
                return written.Count == 1 && ToValue(written[0]) is { } expected
                    ? Equality(actual, expected, semanticModel, numericLoose: false, equal: true)
                    : null;
            default:
                return null;
        }
    }

    private static ExpressionSyntax? Shouldly(IInvocationOperation operation, SemanticModel semanticModel)
    {
        if (!operation.TargetMethod.IsStatic || Subject(operation, 0) is not { } actual)
        {
            return null;
        }

        switch (operation.TargetMethod.Name)
        {
            case "ShouldBeTrue":
            case "ShouldBeFalse":
                return Uses(operation, "actual") ? Truth(actual, operation.TargetMethod.Name == "ShouldBeTrue") : null;
            case "ShouldBeNull":
            case "ShouldNotBeNull":
                return Uses(operation, "actual") ? Nullness(actual, operation.TargetMethod.Name == "ShouldBeNull") : null;
            case "ShouldBe":
                return Uses(operation, "actual", "expected") && Named(operation, "expected") is { } expected
                    ? Equality(actual, expected, semanticModel, numericLoose: false, equal: true)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>An argument as written, with the type it has before any conversion to the parameter type.</summary>
    private sealed class Value
    {
        public Value(ExpressionSyntax syntax, ITypeSymbol? type)
        {
            Syntax = syntax;
            Type = type;
        }

        public ExpressionSyntax Syntax { get; }

        public ITypeSymbol? Type { get; }
    }

    private static IEnumerable<IArgumentOperation> Explicit(IInvocationOperation operation)
        => operation.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit || (a.ArgumentKind == ArgumentKind.ParamArray && !a.IsImplicit));

    private static bool IsMessage(IArgumentOperation argument) => argument.Parameter is { } parameter && MessageParameters.Contains(parameter.Name);

    /// <summary>True when every argument written is one of <paramref name="names"/> or a message.</summary>
    private static bool Uses(IInvocationOperation operation, params string[] names)
        => Explicit(operation).All(a => a.Parameter is { } p && (Array.IndexOf(names, p.Name) >= 0 || MessageParameters.Contains(p.Name)));

    /// <summary>True when only <paramref name="count"/> arguments are written, messages aside.</summary>
    private static bool Only(IInvocationOperation operation, int count)
        => Explicit(operation).Count(a => !IsMessage(a)) == count;

    private static Value? Subject(IInvocationOperation operation, int ordinal)
        => ToValue(operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal && a.ArgumentKind == ArgumentKind.Explicit));

    private static Value? Named(IInvocationOperation operation, string name)
        => ToValue(operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == name && a.ArgumentKind == ArgumentKind.Explicit));

    private static Value? ToValue(IArgumentOperation? argument)
    {
        if (argument is null)
        {
            return null;
        }

        var syntax = argument.Syntax switch
        {
            ArgumentSyntax written => written.Expression,
            ExpressionSyntax receiver => receiver,
            _ => null,
        };
        if (syntax is null || syntax is AnonymousFunctionExpressionSyntax)
        {
            return null;
        }

        var value = argument.Value;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return new Value(syntax.WithoutTrivia(), value.Type);
    }

    private static ExpressionSyntax? Truth(Value condition, bool expected)
    {
        if (IsNullableBoolean(condition.Type))
        {
            return SyntaxFactory.BinaryExpression(
                SyntaxKind.EqualsExpression,
                Parenthesize(condition.Syntax),
                SyntaxFactory.LiteralExpression(expected ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression));
        }

        if (condition.Type?.SpecialType != SpecialType.System_Boolean)
        {
            return null;
        }

        return expected ? condition.Syntax : Negate(condition.Syntax);
    }

    private static ExpressionSyntax? Nullness(Value value, bool isNull)
    {
        if (value.Type is null || (value.Type.IsValueType && !IsNullable(value.Type)))
        {
            return null;
        }

        PatternSyntax pattern = SyntaxFactory.ConstantPattern(SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression));
        if (!isNull)
        {
            pattern = SyntaxFactory.UnaryPattern(SyntaxFactory.Token(SyntaxKind.NotKeyword), pattern);
        }

        return SyntaxFactory.IsPatternExpression(Parenthesize(value.Syntax), pattern);
    }

    /// <summary><c>actual == expected</c> for primitives, strings and enums; <c>object.Equals(actual, expected)</c> for other non-collections.</summary>
    private static ExpressionSyntax? Equality(Value actual, Value expected, SemanticModel semanticModel, bool numericLoose, bool equal)
    {
        var actualType = Underlying(actual.Type);
        var expectedType = Underlying(expected.Type);
        if (actualType is null || expectedType is null || IsCollection(actualType) || IsCollection(expectedType))
        {
            return null;
        }

        var sameType = SymbolEqualityComparer.Default.Equals(actualType, expectedType);
        var bothNumeric = IsNumeric(actualType) && IsNumeric(expectedType);
        if (!sameType && !bothNumeric && !(expected.Syntax.IsKind(SyntaxKind.NullLiteralExpression)))
        {
            // Different types: NUnit compares numbers across types, the others compare the converted values; only numbers are safe here.
            if (numericLoose || !IsConvertible(semanticModel, expectedType, actualType))
            {
                return null;
            }
        }

        if ((IsSimple(actualType) && (sameType || bothNumeric)) || expected.Syntax.IsKind(SyntaxKind.NullLiteralExpression))
        {
            return SyntaxFactory.BinaryExpression(
                equal ? SyntaxKind.EqualsExpression : SyntaxKind.NotEqualsExpression,
                Parenthesize(actual.Syntax),
                Parenthesize(expected.Syntax));
        }

        ExpressionSyntax equals = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.ObjectKeyword)),
                SyntaxFactory.IdentifierName("Equals")),
            Arguments(actual.Syntax, expected.Syntax));
        return equal ? equals : Negate(equals);
    }

    private static ExpressionSyntax? Size(Value collection, string assertion)
    {
        if (collection.Type is null)
        {
            return null;
        }

        var size = SizeProperty(collection.Type);
        if (size is null)
        {
            return null;
        }

        ExpressionSyntax count = collection.Type.NullableAnnotation == NullableAnnotation.Annotated
            ? SyntaxFactory.ConditionalAccessExpression(Parenthesize(collection.Syntax), SyntaxFactory.MemberBindingExpression(SyntaxFactory.IdentifierName(size)))
            : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(collection.Syntax), SyntaxFactory.IdentifierName(size));
        var (kind, value) = assertion switch
        {
            "Empty" => (SyntaxKind.EqualsExpression, 0),
            "NotEmpty" => (SyntaxKind.GreaterThanExpression, 0),
            _ => (SyntaxKind.EqualsExpression, 1),
        };
        return SyntaxFactory.BinaryExpression(kind, count, SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value)));
    }

    private static ExpressionSyntax? Contains(Value collection, Value item, bool dictionary)
    {
        if (collection.Type is null || !HasMethod(collection.Type, dictionary ? "ContainsKey" : "Contains", 1))
        {
            return null;
        }

        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(collection.Syntax), SyntaxFactory.IdentifierName(dictionary ? "ContainsKey" : "Contains")),
            Arguments(item.Syntax));
    }

    /// <summary><c>Count</c> or <c>Length</c> (an <c>int</c> property of the type, its bases or its interfaces).</summary>
    private static string? SizeProperty(ITypeSymbol type)
    {
        foreach (var name in new[] { "Count", "Length" })
        {
            foreach (var candidate in TypeAndInterfaces(type))
            {
                if (candidate.GetMembers(name).OfType<IPropertySymbol>().Any(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && p.Type.SpecialType == SpecialType.System_Int32))
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static bool HasMethod(ITypeSymbol type, string name, int parameters)
        => TypeAndInterfaces(type).Any(t => t.GetMembers(name).OfType<IMethodSymbol>()
            .Any(m => !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.Parameters.Length == parameters));

    private static IEnumerable<ITypeSymbol> TypeAndInterfaces(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            yield return current;
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            foreach (var inherited in type.AllInterfaces)
            {
                yield return inherited;
            }
        }
    }

    /// <summary>
    /// The condition runs before the state it checks exists, possibly in a lambda: it must not
    /// declare variables (<c>out var</c>, patterns), nor use ref locals, ref-like values or ref parameters.
    /// </summary>
    private static bool CanEvaluateEarly(ExpressionSyntax condition, SemanticModel semanticModel)
    {
        foreach (var node in condition.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case DeclarationExpressionSyntax:
                case SingleVariableDesignationSyntax:
                case AnonymousFunctionExpressionSyntax:
                    return false;
                case IdentifierNameSyntax identifier when identifier.SyntaxTree == semanticModel.SyntaxTree:
                    var symbol = semanticModel.GetSymbolInfo(identifier).Symbol;
                    if (symbol is ILocalSymbol { IsRef: true } or ILocalSymbol { Type.IsRefLikeType: true }
                        || symbol is IParameterSymbol parameter && (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private static ArgumentListSyntax Arguments(params ExpressionSyntax[] values)
        => SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(values.Select(v => SyntaxFactory.Argument(v.WithoutTrivia()))));

    /// <summary>Parentheses that the simplifier removes where they are not needed.</summary>
    public static ExpressionSyntax Parenthesize(ExpressionSyntax expression)
        => SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>The negation of a condition, written the natural way (<c>!x</c>, <c>a != b</c>, <c>x is not null</c>).</summary>
    public static ExpressionSyntax Negate(ExpressionSyntax condition)
    {
        var inner = condition;
        while (inner is ParenthesizedExpressionSyntax parenthesized)
        {
            inner = parenthesized.Expression;
        }

        switch (inner)
        {
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                return Parenthesize(not.Operand);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals:
                return SyntaxFactory.BinaryExpression(SyntaxKind.NotEqualsExpression, equals.Left, equals.Right);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.NotEqualsExpression } notEquals:
                return SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, notEquals.Left, notEquals.Right);
            case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } notPattern } isNot:
                return isNot.WithPattern(notPattern.Pattern);
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax } isConstant:
                return isConstant.WithPattern(SyntaxFactory.UnaryPattern(SyntaxFactory.Token(SyntaxKind.NotKeyword), isConstant.Pattern));
            default:
                return SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, Parenthesize(inner));
        }
    }

    private static ITypeSymbol? Underlying(ITypeSymbol? type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static bool IsNullable(ITypeSymbol type) => type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    private static bool IsNullableBoolean(ITypeSymbol? type)
        => type is not null && IsNullable(type) && Underlying(type)?.SpecialType == SpecialType.System_Boolean;

    private static bool IsNumeric(ITypeSymbol type) => type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_Double;

    private static bool IsSimple(ITypeSymbol type)
        => type.TypeKind == TypeKind.Enum
            || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_String
            || IsNumeric(type);

    private static bool IsCollection(ITypeSymbol type)
        => type.SpecialType != SpecialType.System_String
            && (type.SpecialType == SpecialType.System_Collections_IEnumerable
                || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable)
                || type is IArrayTypeSymbol);

    private static bool IsConvertible(SemanticModel semanticModel, ITypeSymbol from, ITypeSymbol to)
        => semanticModel.Compilation.ClassifyCommonConversion(from, to).IsImplicit;
}
