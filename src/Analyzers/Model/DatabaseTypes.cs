using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers.Model;

/// <summary>
/// The database types of one compilation that a test should not replace with a mock: EF Core and
/// EF6 contexts, sets and database facades, the ADO.NET connection and command abstractions, and
/// interfaces that expose a <c>DbSet&lt;T&gt;</c> property (the <c>IApplicationDbContext</c> pattern).
/// Resolved once per compilation by the rule that needs it; answers are memoized per type.
/// </summary>
internal sealed class DatabaseTypes
{
    private readonly ImmutableHashSet<INamedTypeSymbol> _databaseTypes;
    private readonly ImmutableHashSet<INamedTypeSymbol> _setTypes;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _memo = new(SymbolEqualityComparer.Default);

    public DatabaseTypes(Compilation compilation)
    {
        _setTypes = TypeLookup.FindAll(
            compilation,
            "Microsoft.EntityFrameworkCore.DbSet`1",
            "System.Data.Entity.DbSet`1",
            "System.Data.Entity.IDbSet`1",
            "System.Data.Entity.DbSet");
        _databaseTypes = TypeLookup.FindAll(
            compilation,
            "Microsoft.EntityFrameworkCore.DbContext",
            "Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade",
            "System.Data.Entity.DbContext",
            "System.Data.Entity.Database").Union(_setTypes);

        // ADO.NET connections and commands are not database types here: on real suites their doubles
        // were opaque handles passed through (a storage library's own tests, Quartz's and Hangfire's
        // ADO job stores checking the SQL they build), not an application mocking its own database.
    }

    /// <summary>False when the compilation knows none of the database types (nothing to look for).</summary>
    public bool IsEmpty => _databaseTypes.IsEmpty;

    /// <summary>
    /// True when <paramref name="type"/> is, derives from or implements a database type, or is an
    /// interface that declares or inherits a property whose type is a <c>DbSet&lt;T&gt;</c>.
    /// </summary>
    public bool IsDatabaseType(ITypeSymbol? type)
    {
        if (type is null || _databaseTypes.IsEmpty || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        return _memo.TryGetValue(type, out var known) ? known : _memo.GetOrAdd(type, Compute);
    }

    private bool Compute(ITypeSymbol type)
    {
        if (TypeLookup.IsOrInheritsFrom(type, _databaseTypes))
        {
            return true;
        }

        if (type.TypeKind != TypeKind.Interface || _setTypes.IsEmpty)
        {
            return false;
        }

        if (ExposesSet(type))
        {
            return true;
        }

        foreach (var inherited in type.AllInterfaces)
        {
            if (ExposesSet(inherited))
            {
                return true;
            }
        }

        return false;
    }

    private bool ExposesSet(ITypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol property && TypeLookup.IsOrInheritsFrom(property.Type, _setTypes))
            {
                return true;
            }
        }

        return false;
    }
}
