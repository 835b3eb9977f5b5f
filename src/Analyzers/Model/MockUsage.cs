using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TestSmells.Analyzers.Model;

/// <summary>A test double that a test body creates or configures, with the name a message can use.</summary>
internal sealed class MockUse
{
    public MockUse(IOperation operation, string name, LibraryApi library)
    {
        Operation = operation;
        Name = name;
        Library = library;
    }

    /// <summary>The creation (<c>new Mock&lt;T&gt;()</c>, <c>Substitute.For&lt;T&gt;()</c>...) or configuration call (<c>Setup</c>, <c>Returns</c>, <c>A.CallTo</c>).</summary>
    public IOperation Operation { get; }

    /// <summary>The variable, field or property that holds the double, or the mocked type when it has none.</summary>
    public string Name { get; }

    public LibraryApi Library { get; }
}

/// <summary>
/// "Does this test body set up test doubles?", shared by TST2003 (mocks but no assertion) and
/// TST3001 (no assertion): a test that asserts nothing and sets up mocks is TST2003's, so TST3001
/// stays silent on it when <see cref="SetsUpMocks"/> is true.
/// </summary>
/// <remarks>
/// Counted: every creation the <see cref="MockModel"/> recognises (Moq, NSubstitute, FakeItEasy,
/// MockQueryable), and configuration of an existing double: Moq <c>Setup*</c> on a <c>Mock&lt;T&gt;</c>,
/// NSubstitute <c>Returns*</c>/<c>Throws*</c>, FakeItEasy <c>A.CallTo(...)</c>. Lambdas and local
/// functions of the body are included. Not counted: doubles created by a helper method, a fixture or
/// an auto-mocking container (AutoFixture, AutoMocker) and configured nowhere in the body.
/// </remarks>
internal static class MockUsage
{
    /// <summary>True when <paramref name="body"/> creates or configures a test double.</summary>
    public static bool SetsUpMocks(IOperation body, TestCodeModel model) => FirstMockIn(body, model) is not null;

    /// <summary>The first double (in source order) that <paramref name="body"/> creates or configures, or null.</summary>
    public static MockUse? FirstMockIn(IOperation body, TestCodeModel model)
    {
        var mocks = model.Mocks;
        if (!mocks.HasMockingLibrary)
        {
            return null;
        }

        MockUse? first = null;
        foreach (var operation in body.DescendantsAndSelf())
        {
            var found = operation switch
            {
                IObjectCreationOperation creation => FromCreation(creation, mocks),
                IInvocationOperation invocation => FromCreation(invocation, mocks) ?? FromConfiguration(invocation),
                _ => null,
            };
            if (found is not null && (first is null || found.Operation.Syntax.SpanStart < first.Operation.Syntax.SpanStart))
            {
                first = found;
            }
        }

        return first;
    }

    private static MockUse? FromCreation(IOperation operation, MockModel mocks)
    {
        var creation = mocks.Recognize(operation);
        if (!creation.IsMock)
        {
            return null;
        }

        var name = HolderName(operation)
            ?? (creation.MockedTypes.IsEmpty ? "mock" : creation.MockedTypes[0].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        return new MockUse(operation, name, creation.Library);
    }

    /// <summary>The local, field or property the created double is stored in (through <c>.Object</c> too).</summary>
    private static string? HolderName(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation:
                case IPropertyReferenceOperation { Property.Name: "Object" }:
                    current = parent;
                    continue;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol.Name;
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    return ReferenceName(assignment.Target);
                default:
                    return null;
            }
        }

        return null;
    }

    private static MockUse? FromConfiguration(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        switch (Libraries.ApiOf(method.ContainingAssembly?.Name))
        {
            case LibraryApi.Moq when method.Name.StartsWith("Setup", StringComparison.Ordinal) && invocation.Instance is { } mock:
                return Named(invocation, mock, LibraryApi.Moq);
            case LibraryApi.NSubstitute when IsNSubstituteConfiguration(method) && invocation.Arguments.Length > 0:
                return Named(invocation, CallReceiver(invocation.Arguments[0].Value), LibraryApi.NSubstitute);
            case LibraryApi.FakeItEasy when method.Name is "CallTo" or "CallToSet" && method.ContainingType?.Name == "A" && invocation.Arguments.Length > 0:
                return Named(invocation, ReceiverInLambda(invocation.Arguments[0].Value), LibraryApi.FakeItEasy);
            default:
                return null;
        }
    }

    private static bool IsNSubstituteConfiguration(IMethodSymbol method)
        => method.IsExtensionMethod
        && (method.Name.StartsWith("Returns", StringComparison.Ordinal) || method.Name.StartsWith("Throws", StringComparison.Ordinal));

    private static MockUse? Named(IInvocationOperation invocation, IOperation? holder, LibraryApi library)
        => holder is not null && ReferenceName(holder) is { } name ? new MockUse(invocation, name, library) : null;

    /// <summary>For <c>sub.Method(args)</c> or <c>sub.Property</c>: the <c>sub</c> reference.</summary>
    private static IOperation? CallReceiver(IOperation value)
    {
        value = SkipConversions(value);
        return value switch
        {
            IInvocationOperation { Instance: { } instance } => instance,
            IPropertyReferenceOperation { Instance: { } instance } => instance,
            _ => null,
        };
    }

    /// <summary>For <c>() =&gt; fake.Method(args)</c>: the <c>fake</c> reference.</summary>
    private static IOperation? ReceiverInLambda(IOperation value)
    {
        foreach (var descendant in value.DescendantsAndSelf())
        {
            if (descendant is IAnonymousFunctionOperation { Body.Operations: { IsEmpty: false } operations })
            {
                var only = operations[0];
                var returned = only is IReturnOperation { ReturnedValue: { } result } ? result
                    : only is IExpressionStatementOperation statement ? statement.Operation
                    : null;
                return returned is null ? null : CallReceiver(returned);
            }
        }

        return null;
    }

    private static string? ReferenceName(IOperation operation)
        => SkipConversions(operation) switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };

    private static IOperation SkipConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
