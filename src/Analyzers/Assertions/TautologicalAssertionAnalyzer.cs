using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Assertions;

/// <summary>
/// TST3002: an assertion whose outcome the test code decides by itself: a literal <c>true</c>/<c>false</c>
/// given to a truth assertion, the same side-effect-free expression on both sides of an equality or
/// identity assertion, a not-null check on a new object or a non-nullable value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TautologicalAssertionAnalyzer : TestSmellsAnalyzer
{
    // The frameworks' assertion classes whose calls assert when made (TUnit's chains are read apart).
    private static readonly string[] ClassicAssertTypes = Frameworks.Union(f => f.AssertsWhenAwaited ? ImmutableArray<string>.Empty : f.AssertTypes);

    private static readonly ImmutableHashSet<string> CandidateNames = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "True", "IsTrue", "False", "IsFalse", "That", "Equal", "StrictEqual", "AreEqual", "Same", "AreSame", "NotNull", "IsNotNull",
        "BeTrue", "BeFalse", "Be", "BeSameAs", "NotBeNull",
        "ShouldBeTrue", "ShouldBeFalse", "ShouldBe", "ShouldBeSameAs", "ShouldNotBeNull",
        "IsEqualTo", "IsSameReferenceAs");

    private protected override bool FindingsStayInAnalyzedMember => true;

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST3002);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var compilation = context.Compilation;
        var classic = TypeLookup.FindAll(compilation, ClassicAssertTypes);
        var nunitIs = TypeLookup.FindAll(compilation, Frameworks.NUnit.IsConstraints!);
        var tunitAssert = TypeLookup.FindAll(compilation, Frameworks.TUnit.AssertTypes);

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (!CandidateNames.Contains(method.Name) || method.ContainingType is not { } type)
                {
                    return;
                }

                string? reason;
                if (classic.Contains(type.OriginalDefinition))
                {
                    reason = ClassicReason(invocation, nunitIs);
                }
                else
                {
                    var assembly = method.ContainingAssembly?.Name;
                    switch (Libraries.ApiOf(assembly))
                    {
                        case LibraryApi.FluentAssertions:
                            reason = FluentReason(invocation);
                            break;
                        case LibraryApi.Shouldly:
                            reason = ShouldlyReason(invocation);
                            break;
                        case LibraryApi.None when assembly == Frameworks.TUnit.AssertionAssembly:
                            reason = TUnitReason(invocation, tunitAssert);
                            break;
                        default:
                            return;
                    }
                }

                if (reason is null || !model.IsTestCode(operationContext.ContainingSymbol))
                {
                    return;
                }

                if (reason.StartsWith(ValueTypeReasonStart, StringComparison.Ordinal)
                    && IsNotTheOnlyCheckOfItsValue(invocation, model.Assertions.For(operationContext.Options, invocation.Syntax.SyntaxTree)))
                {
                    return; // a redundant not-null before the real checks of the same value: harmless
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(Rules.TST3002, invocation.Syntax.GetLocation(), reason));
            },
            OperationKind.Invocation);
    }

    private const string ValueTypeReasonStart = "a value of type '";

    /// <summary>
    /// True when another assertion of the same test reads the value that <paramref name="notNull"/> checks
    /// (the same local, parameter or field at the root of the expression): <c>Assert.NotNull(result.Id)</c>
    /// followed by <c>Assert.Equal(7, result.Id)</c>. Walks the test's body once, only for such findings.
    /// </summary>
    private static bool IsNotTheOnlyCheckOfItsValue(IInvocationOperation notNull, AssertionModel.Scope scope)
    {
        var subject = NotNullSubject(notNull);
        var root = subject is null ? null : RootSymbol(subject);
        if (root is null)
        {
            return false;
        }

        var body = (IOperation)notNull;
        while (body.Parent is not null)
        {
            body = body.Parent;
        }

        foreach (var operation in body.Descendants())
        {
            if (operation is not IInvocationOperation other
                || IsInside(other, notNull)
                || scope.Classify(other) == AssertionKind.None)
            {
                continue;
            }

            foreach (var read in other.Descendants())
            {
                if (IsInside(read, notNull))
                {
                    continue;
                }

                if (RootSymbol(read) is { } otherRoot && SymbolEqualityComparer.Default.Equals(root, otherRoot))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The value a not-null assertion checks (its first argument, or the subject of the assertion chain).</summary>
    private static IOperation? NotNullSubject(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name is "NotBeNull" or "IsNotNull" && Receiver(invocation) is IInvocationOperation { TargetMethod.Name: "Should" or "That" } start)
        {
            return ArgumentAt(start, 0);
        }

        return ArgumentAt(invocation, 0);
    }

    /// <summary>True when <paramref name="inner"/> is <paramref name="outer"/> or one of its descendants.</summary>
    private static bool IsInside(IOperation inner, IOperation outer)
    {
        for (var current = inner; current is not null; current = current.Parent)
        {
            if (ReferenceEquals(current, outer))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The local, parameter or field at the root of a chain of member reads (<c>result</c> in <c>result.Value.Id</c>).</summary>
    private static ISymbol? RootSymbol(IOperation operation)
    {
        var current = Unwrap(operation);
        while (true)
        {
            switch (current)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                    return field.Field;
                case IFieldReferenceOperation { Instance: { } instance }:
                    current = Unwrap(instance);
                    break;
                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property:
                    return property.Property;
                case IPropertyReferenceOperation { Instance: { } instance }:
                    current = Unwrap(instance);
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>xUnit <c>Assert</c>, NUnit <c>Assert</c>/<c>ClassicAssert</c> (constraints included), MSTest <c>Assert</c>.</summary>
    private static string? ClassicReason(IInvocationOperation invocation, ImmutableHashSet<INamedTypeSymbol> nunitIs)
    {
        var first = ArgumentAt(invocation, 0);
        if (first is null)
        {
            return null;
        }

        switch (invocation.TargetMethod.Name)
        {
            case "True" or "IsTrue":
                return LiteralReason(first, true);
            case "False" or "IsFalse":
                return LiteralReason(first, false);
            case "Equal" or "StrictEqual" or "AreEqual":
                return HasComparer(invocation.TargetMethod) ? null : EqualityReason(first, ArgumentAt(invocation, 1));
            case "Same" or "AreSame":
                return IdentityReason(first, ArgumentAt(invocation, 1));
            case "NotNull" or "IsNotNull":
                return NeverNullReason(first);
            case "That":
                return NUnitThatReason(invocation, first, nunitIs);
            default:
                return null;
        }
    }

    /// <summary>NUnit <c>Assert.That(true)</c> and <c>Assert.That(actual, constraint)</c> with a constraint fixed by <c>actual</c>.</summary>
    private static string? NUnitThatReason(IInvocationOperation invocation, IOperation actual, ImmutableHashSet<INamedTypeSymbol> nunitIs)
    {
        var parameters = invocation.TargetMethod.Parameters;
        var constraint = parameters.Length > 1 && parameters[1].Type.Name == "IResolveConstraint" && ArgumentAt(invocation, 1) is { } second
            ? Unwrap(second)
            : null;
        if (constraint is null)
        {
            var parameter = parameters.Length > 0 ? parameters[0].Type : null;
            return parameter?.SpecialType == SpecialType.System_Boolean || IsNullableBoolean(parameter) ? LiteralReason(actual, true) : null;
        }

        switch (constraint)
        {
            case IPropertyReferenceOperation { Property.Name: "True", Instance: null } property when IsNUnitIs(property.Property.ContainingType, nunitIs):
                return LiteralReason(actual, true);
            case IPropertyReferenceOperation { Property.Name: "False", Instance: null } property when IsNUnitIs(property.Property.ContainingType, nunitIs):
                return LiteralReason(actual, false);
            case IPropertyReferenceOperation { Property.Name: "Null", Instance: IPropertyReferenceOperation { Property.Name: "Not", Instance: null } not }
                when IsNUnitIs(not.Property.ContainingType, nunitIs):
                return NeverNullReason(actual);
            case IInvocationOperation { TargetMethod.Name: "EqualTo", Instance: null } equalTo
                when IsNUnitIs(equalTo.TargetMethod.ContainingType, nunitIs) && equalTo.Arguments.Length == 1:
                return EqualityReason(actual, equalTo.Arguments[0].Value);
            case IInvocationOperation { TargetMethod.Name: "SameAs", Instance: null } sameAs
                when IsNUnitIs(sameAs.TargetMethod.ContainingType, nunitIs) && sameAs.Arguments.Length == 1:
                return IdentityReason(actual, sameAs.Arguments[0].Value);
            default:
                return null;
        }
    }

    private static bool IsNUnitIs(INamedTypeSymbol? type, ImmutableHashSet<INamedTypeSymbol> nunitIs)
        => type is not null && nunitIs.Contains(type.OriginalDefinition);

    /// <summary>FluentAssertions / AwesomeAssertions: <c>subject.Should().BeTrue()/Be(x)/BeSameAs(x)/NotBeNull()</c>.</summary>
    private static string? FluentReason(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (Receiver(invocation) is not IInvocationOperation { TargetMethod.Name: "Should" } should
            || should.TargetMethod.ContainingAssembly?.Name != method.ContainingAssembly?.Name
            || ArgumentAt(should, 0) is not { } subject)
        {
            return null;
        }

        return method.Name switch
        {
            "BeTrue" => LiteralReason(subject, true),
            "BeFalse" => LiteralReason(subject, false),
            "Be" when !HasComparer(method) => EqualityReason(subject, FirstArgumentAfterReceiver(invocation)),
            "BeSameAs" => IdentityReason(subject, FirstArgumentAfterReceiver(invocation)),
            "NotBeNull" => NeverNullReason(subject),
            _ => null,
        };
    }

    /// <summary>Shouldly: <c>actual.ShouldBeTrue()/ShouldBe(x)/ShouldBeSameAs(x)/ShouldNotBeNull()</c>.</summary>
    private static string? ShouldlyReason(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!method.IsExtensionMethod || ArgumentAt(invocation, 0) is not { } actual)
        {
            return null;
        }

        return method.Name switch
        {
            "ShouldBeTrue" => LiteralReason(actual, true),
            "ShouldBeFalse" => LiteralReason(actual, false),
            "ShouldBe" when !HasComparer(method) => EqualityReason(actual, ArgumentAt(invocation, 1)),
            "ShouldBeSameAs" => IdentityReason(actual, ArgumentAt(invocation, 1)),
            "ShouldNotBeNull" => NeverNullReason(actual),
            _ => null,
        };
    }

    /// <summary>TUnit: <c>Assert.That(subject).IsTrue()/IsEqualTo(x)/IsSameReferenceAs(x)/IsNotNull()</c>.</summary>
    private static string? TUnitReason(IInvocationOperation invocation, ImmutableHashSet<INamedTypeSymbol> tunitAssert)
    {
        var method = invocation.TargetMethod;
        if (Receiver(invocation) is not IInvocationOperation { TargetMethod.Name: "That" } that
            || that.TargetMethod.ContainingType is not { } thatType
            || !tunitAssert.Contains(thatType.OriginalDefinition)
            || ArgumentAt(that, 0) is not { } subject)
        {
            return null;
        }

        return method.Name switch
        {
            "IsTrue" => LiteralReason(subject, true),
            "IsFalse" => LiteralReason(subject, false),
            "IsEqualTo" when !HasComparer(method) => EqualityReason(subject, FirstArgumentAfterReceiver(invocation)),
            "IsSameReferenceAs" => IdentityReason(subject, FirstArgumentAfterReceiver(invocation)),
            "IsNotNull" => NeverNullReason(subject),
            _ => null,
        };
    }

    private static string? LiteralReason(IOperation value, bool expected)
        => Unwrap(value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: bool literal } } && literal == expected
            ? expected ? "the condition is the literal 'true'" : "the condition is the literal 'false'"
            : null;

    private static string? EqualityReason(IOperation? expected, IOperation? actual)
    {
        if (expected is null || actual is null || !SideEffectFreeExpression.AreSame(expected, actual))
        {
            return null;
        }

        var type = Unwrap(actual).Type;
        return type is not null && HasBuiltInEquality(type, depth: 0)
            ? $"both sides are '{Text(actual)}'"
            : null;
    }

    private static string? IdentityReason(IOperation? expected, IOperation? actual)
    {
        if (expected is null || actual is null || !SideEffectFreeExpression.AreSame(expected, actual))
        {
            return null;
        }

        // A singleton held in a static readonly field compared with itself documents that it is one: deliberate.
        if (Unwrap(actual) is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } })
        {
            return null;
        }

        // Value types are boxed twice, so Same(1, 1) fails: only references are always the same instance.
        return Unwrap(actual).Type is { IsReferenceType: true }
            ? $"'{Text(actual)}' is always the same instance as itself"
            : null;
    }

    private static string? NeverNullReason(IOperation value)
    {
        var operand = Unwrap(value);
        switch (operand)
        {
            case IObjectCreationOperation or IAnonymousObjectCreationOperation or IArrayCreationOperation
                or ITypeParameterObjectCreationOperation or IInterpolatedStringOperation:
                return $"'{Text(operand)}' is never null";
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: not null } }:
                return $"'{Text(operand)}' is never null";
        }

        return operand.Type is { IsValueType: true } type && type.TypeKind != TypeKind.TypeParameter
            && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
            ? $"a value of type '{type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}' is never null"
            : null;
    }

    /// <summary>
    /// True when equality of the type cannot be the thing under test: primitives, strings, enums, types
    /// with reference or default struct equality, and .NET's own types (with such type arguments). A type
    /// that defines its own equality is left alone: <c>Assert.Equal(money, money)</c> may test reflexivity.
    /// </summary>
    private static bool HasBuiltInEquality(ITypeSymbol type, int depth)
    {
        if (depth > 4)
        {
            return false;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return HasBuiltInEquality(array.ElementType, depth + 1);
            case ITypeParameterSymbol:
            case IDynamicTypeSymbol:
            case IErrorTypeSymbol:
                return false;
        }

        if (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        if (IsDotNetType(named))
        {
            foreach (var argument in named.TypeArguments)
            {
                if (!HasBuiltInEquality(argument, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        if (named.IsRecord || named.AllInterfaces.Any(i => i.Name == "IEquatable" && IsDotNetType(i)))
        {
            return false;
        }

        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("Equals"))
            {
                if (member is IMethodSymbol { IsOverride: true, Parameters.Length: 1 })
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsDotNetType(INamedTypeSymbol type)
    {
        var root = type.ContainingNamespace;
        while (root?.ContainingNamespace is { IsGlobalNamespace: false })
        {
            root = root.ContainingNamespace;
        }

        return root?.Name == "System";
    }

    private static bool HasComparer(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.Name is "IEqualityComparer" or "IComparer" or "Func" or "Comparison")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNullableBoolean(ITypeSymbol? type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean;

    /// <summary>The argument bound to the parameter at <paramref name="ordinal"/> (the receiver of an extension call is 0).</summary>
    private static IOperation? ArgumentAt(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
            }
        }

        return null;
    }

    private static IOperation? Receiver(IInvocationOperation invocation)
    {
        var receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod ? ArgumentAt(invocation, 0) : null);
        return receiver is null ? null : Unwrap(receiver);
    }

    private static IOperation? FirstArgumentAfterReceiver(IInvocationOperation invocation)
        => ArgumentAt(invocation, invocation.TargetMethod.IsExtensionMethod ? 1 : 0);

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static string Text(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
