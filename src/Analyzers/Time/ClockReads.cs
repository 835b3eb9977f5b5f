using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Time;

/// <summary>A read of the ambient clock.</summary>
internal enum ClockRead
{
    None,
    DateTimeNow,
    DateTimeUtcNow,
    DateTimeToday,
    DateTimeOffsetNow,
    DateTimeOffsetUtcNow,
    TimeProviderSystem,
}

/// <summary>
/// The clock types of one compilation, resolved once, and what TST1003/TST1004 share: which property
/// reads are reads of the wall clock, and when code is data (a lambda converted to an expression tree).
/// </summary>
internal sealed class ClockReads
{
    /// <summary>The key of the diagnostic property that names the <see cref="ClockRead"/>.</summary>
    public const string ReadProperty = "ClockRead";

    private readonly INamedTypeSymbol? _dateTime;
    private readonly INamedTypeSymbol? _dateTimeOffset;

    public ClockReads(Compilation compilation)
    {
        _dateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
        _dateTimeOffset = TypeLookup.Find(compilation, "System.DateTimeOffset");
        TimeProvider = TypeLookup.Find(compilation, "System.TimeProvider");
    }

    /// <summary><c>System.TimeProvider</c>, when the compilation has it (.NET 8+, Microsoft.Bcl.TimeProvider).</summary>
    public INamedTypeSymbol? TimeProvider { get; }

    /// <summary>What clock <paramref name="reference"/> reads, if any.</summary>
    public ClockRead Classify(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (!property.IsStatic)
        {
            return ClockRead.None;
        }

        switch (property.Name)
        {
            case "Now":
                return Is(property, _dateTime) ? ClockRead.DateTimeNow
                    : Is(property, _dateTimeOffset) ? ClockRead.DateTimeOffsetNow
                    : ClockRead.None;
            case "UtcNow":
                return Is(property, _dateTime) ? ClockRead.DateTimeUtcNow
                    : Is(property, _dateTimeOffset) ? ClockRead.DateTimeOffsetUtcNow
                    : ClockRead.None;
            case "Today":
                return Is(property, _dateTime) ? ClockRead.DateTimeToday : ClockRead.None;
            case "System":
                return Is(property, TimeProvider) ? ClockRead.TimeProviderSystem : ClockRead.None;
            default:
                return ClockRead.None;
        }
    }

    /// <summary>The read as written in messages: <c>DateTime.UtcNow</c>.</summary>
    public static string Display(ClockRead read) => read switch
    {
        ClockRead.DateTimeNow => "DateTime.Now",
        ClockRead.DateTimeUtcNow => "DateTime.UtcNow",
        ClockRead.DateTimeToday => "DateTime.Today",
        ClockRead.DateTimeOffsetNow => "DateTimeOffset.Now",
        ClockRead.DateTimeOffsetUtcNow => "DateTimeOffset.UtcNow",
        ClockRead.TimeProviderSystem => "TimeProvider.System",
        _ => string.Empty,
    };

    /// <summary>True when <paramref name="type"/> is, or derives from, <c>System.TimeProvider</c>.</summary>
    public bool IsTimeProvider(ITypeSymbol? type)
    {
        if (TimeProvider is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, TimeProvider))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> or a type containing it derives from <c>TimeProvider</c> (a clock implementation).</summary>
    public bool IsInsideTimeProviderImplementation(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.BaseType is not null && IsTimeProvider(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(IPropertySymbol property, INamedTypeSymbol? type)
        => type is not null && SymbolEqualityComparer.Default.Equals(property.ContainingType, type);
}
