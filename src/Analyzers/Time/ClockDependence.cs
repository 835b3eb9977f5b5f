using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Time;

/// <summary>Why a read of the wall clock makes a test's outcome depend on when or where it runs (TST1003).</summary>
internal enum ClockDependence
{
    /// <summary>Relative test data (<c>Created = DateTime.UtcNow.AddDays(-1)</c>): reported only when the option asks for every read.</summary>
    None,

    /// <summary>The option <c>test_smells.wall_clock = all</c> asks for every read.</summary>
    EveryRead,

    /// <summary>The read is inside the arguments of an assertion: the expected value is a different instant on every run.</summary>
    Asserted,

    /// <summary>The read is compared with (or subtracted from) another read of the clock.</summary>
    ComparedWithClock,

    /// <summary>The read takes a calendar part (<c>.Day</c>, <c>.Hour</c>, <c>.DayOfWeek</c>...) of the current time.</summary>
    CalendarPart,


    /// <summary>The test class or method has a fake <c>TimeProvider</c>, and this read goes around it.</summary>
    FakeBypassed,
}

/// <summary>
/// Decides, per read of the wall clock in test code, whether the test's outcome depends on when or where
/// it runs (<see cref="ClockDependence"/>). State is per compilation: which types and method bodies hold
/// a fake clock is computed once each.
/// </summary>
internal sealed class ClockDependenceModel
{
    private readonly ClockReads _clock;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _typeHasFake = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IOperation, bool> _bodyHasFake = new();
    private readonly ConcurrentDictionary<IOperation, ImmutableHashSet<ILocalSymbol>> _calendarLocals = new();

    public ClockDependenceModel(ClockReads clock) => _clock = clock;

    public ClockDependence Of(IPropertyReferenceOperation reference, ClockRead read, ISymbol containingSymbol, AssertionModel.Scope assertions)
    {
        if (HasFake(reference, containingSymbol))
        {
            return ClockDependence.FakeBypassed;
        }

        IOperation current = reference;
        var shifted = false;
        var inRelational = false;
        var tolerant = false;
        for (var parent = reference.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IArgumentOperation:
                    continue;
                case IPropertyReferenceOperation part when part.Instance == current && IsClockType(current.Type) && IsCalendarPart(part.Property.Name, withDate: false):
                    return ClockDependence.CalendarPart;
                case IInvocationOperation shift when shift.Instance == current && IsClockType(current.Type) && shift.TargetMethod.Name.StartsWith("Add", System.StringComparison.Ordinal):
                    shifted = true;
                    continue;
                case IBinaryOperation binary:
                    var other = binary.LeftOperand == current ? binary.RightOperand : binary.LeftOperand;
                    if (IsComparisonOrDifference(binary.OperatorKind) && IsClockType(other.Type) && ReadsClock(other))
                    {
                        // Inside a loop it is the timeout of a poll (`while (DateTime.UtcNow < deadline)`): the
                        // essay's "poll for the condition", with real time as its safety net.
                        return IsInLoop(binary) ? ClockDependence.None : ClockDependence.ComparedWithClock;
                    }

                    shifted |= binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract && other.Type is { Name: "TimeSpan" };
                    inRelational |= IsComparisonOrDifference(binary.OperatorKind) && binary.OperatorKind != BinaryOperatorKind.Subtract;
                    continue;
                case IInvocationOperation invocation:
                    tolerant |= IsTolerance(invocation.TargetMethod);
                    // Only the assertion libraries' own methods: a test's helper that asserts somewhere inside
                    // takes data (`RunAndCheck(new Item { AddedAt = DateTime.UtcNow })`), not an expected instant.
                    if (!IsInSource(invocation.TargetMethod) && assertions.Classify(invocation) != AssertionKind.None)
                    {
                        // An exact instant asserted, or the read handed to the code under test inside the
                        // assertion. A margin (AddMinutes(-1)), an ordering (<, >) or a tolerance (InRange,
                        // BeCloseTo, Within, a TimeSpan precision) is how tests assert "about now" safely.
                        return shifted || inRelational || tolerant ? ClockDependence.None : ClockDependence.Asserted;
                    }

                    continue;
                case IVariableDeclaratorOperation declarator when current is IVariableInitializerOperation:
                    return LocalsWithCalendarParts(declarator).Contains(declarator.Symbol) ? ClockDependence.CalendarPart : ClockDependence.None;
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyBaseOperation or IBlockOperation or IExpressionStatementOperation:
                    return ClockDependence.None;
            }
        }

        return ClockDependence.None;
    }

    /// <summary>The message text for <paramref name="dependence"/> (after the read's name).</summary>
    public static string Reason(ClockDependence dependence) => dependence switch
    {
        ClockDependence.Asserted => "is read inside an assertion, so the expected value is a different instant on every run",
        ClockDependence.ComparedWithClock => "is compared with another read of the wall clock, so the outcome depends on how fast the test runs",
        ClockDependence.CalendarPart => "takes a calendar part of the current time, so the test depends on the date and hour it runs",
        ClockDependence.FakeBypassed => "reads the wall clock although the test has a fake TimeProvider",
        _ => "reads the wall clock, so the test depends on when it runs",
    };

    private static bool IsInLoop(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation:
                    return true;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;
            }
        }

        return false;
    }

    private static bool IsInSource(IMethodSymbol method)
    {
        foreach (var location in method.OriginalDefinition.Locations)
        {
            if (location.IsInSource)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsClockType(ITypeSymbol? type)
        => type is { SpecialType: SpecialType.System_DateTime } or { Name: "DateTimeOffset", ContainingNamespace.Name: "System" };

    /// <summary>
    /// A part of the instant that changes with the calendar. <c>.Date</c> counts on a local read later
    /// (<c>var today = DateTime.UtcNow; ... today.Date</c>: a day boundary the test's data straddles), not
    /// on a direct read (<c>Start = DateTime.UtcNow.Date</c> anchors relative data at midnight).
    /// </summary>
    private static bool IsCalendarPart(string name, bool withDate)
        => name is "Year" or "Month" or "Day" or "DayOfWeek" or "DayOfYear" or "Hour" or "Minute" or "Second" or "Millisecond" or "TimeOfDay"
            || (withDate && name == "Date");

    private static bool IsTolerance(IMethodSymbol method)
    {
        if (method.Name is "Within" or "InRange" or "BeCloseTo" or "NotBeCloseTo" or "IsCloseTo" or "BeWithin" or "IsWithin"
            or "LessThan" or "GreaterThan" or "LessThanOrEqualTo" or "GreaterThanOrEqualTo" or "AtLeast" or "AtMost"
            or "BeAfter" or "BeBefore" or "BeOnOrAfter" or "BeOnOrBefore" or "IsAfter" or "IsBefore" or "IsAfterOrEqualTo" or "IsBeforeOrEqualTo")
        {
            return true;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type is { Name: "TimeSpan", ContainingNamespace.Name: "System" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The locals of the body of <paramref name="operation"/> whose calendar parts (or date) the body takes.</summary>
    private ImmutableHashSet<ILocalSymbol> LocalsWithCalendarParts(IOperation operation)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return _calendarLocals.GetOrAdd(root, static body =>
        {
            var locals = ImmutableHashSet.CreateBuilder<ILocalSymbol>(SymbolEqualityComparer.Default);
            foreach (var descendant in body.Descendants())
            {
                if (descendant is IPropertyReferenceOperation { Instance: ILocalReferenceOperation local } part
                    && IsClockType(local.Type)
                    && IsCalendarPart(part.Property.Name, withDate: true))
                {
                    locals.Add(local.Local);
                }
            }

            return locals.ToImmutable();
        });
    }

    private static bool IsComparisonOrDifference(BinaryOperatorKind kind)
        => kind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan
            or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
            or BinaryOperatorKind.Subtract;

    /// <summary>True when <paramref name="operand"/> reads the clock itself, or is a local initialized from a read.</summary>
    private bool ReadsClock(IOperation operand)
    {
        foreach (var descendant in operand.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IPropertyReferenceOperation property when _clock.Classify(property) is not (ClockRead.None or ClockRead.TimeProviderSystem):
                    return true;
                case ILocalReferenceOperation local when InitializedFromClock(local.Local):
                    return true;
            }
        }

        return false;
    }

    private bool InitializedFromClock(ILocalSymbol local)
    {
        if (local.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        // Only the text of the declarator is looked at: `var start = DateTime.UtcNow;`.
        var text = local.DeclaringSyntaxReferences[0].GetSyntax().ToString();
        return text.Contains("DateTime.UtcNow") || text.Contains("DateTimeOffset.UtcNow") || text.Contains("DateTime.Now") || text.Contains("DateTimeOffset.Now");
    }

    private bool HasFake(IOperation reference, ISymbol containingSymbol)
    {
        var type = containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (TypeHasFake(current))
            {
                return true;
            }
        }

        var root = reference;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return _bodyHasFake.GetOrAdd(root, BodyHasFake);
    }

    private bool TypeHasFake(INamedTypeSymbol type)
        => _typeHasFake.GetOrAdd(type, t =>
        {
            for (var current = t; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    var memberType = member switch
                    {
                        IFieldSymbol field => field.Type,
                        IPropertySymbol property => property.Type,
                        _ => null,
                    };
                    if (IsFake(memberType))
                    {
                        return true;
                    }
                }
            }

            return false;
        });

    private bool BodyHasFake(IOperation root)
    {
        foreach (var descendant in root.DescendantsAndSelf())
        {
            var type = descendant switch
            {
                IVariableDeclaratorOperation declarator => declarator.Symbol.Type,
                IParameterReferenceOperation parameter => parameter.Parameter.Type,
                IObjectCreationOperation creation => creation.Type,
                _ => null,
            };
            if (IsFake(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>TimeProvider</c> that is not <c>TimeProvider</c> itself: <c>FakeTimeProvider</c> or the test's own clock.</summary>
    private bool IsFake(ITypeSymbol? type)
        => type is INamedTypeSymbol named
            && !SymbolEqualityComparer.Default.Equals(named, _clock.TimeProvider)
            && _clock.IsTimeProvider(named);
}
