using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Isolation;

/// <summary>
/// TST4004: test code changes state that the whole process shares and never sets it back:
/// <c>Environment.SetEnvironmentVariable</c> (with a constant name), <c>CultureInfo.DefaultThreadCurrentCulture</c>
/// and <c>DefaultThreadCurrentUICulture</c>, <c>Environment.CurrentDirectory</c> and
/// <c>Directory.SetCurrentDirectory</c>.
/// <para>
/// Silent when the same member also sets the same state back to a saved value (a local, field, property
/// or parameter; <c>null</c> for an environment variable), wherever that is (typically a finally), when a
/// teardown of the class or its bases (Dispose, DisposeAsync, [TearDown], [OneTimeTearDown], [TestCleanup],
/// [ClassCleanup], [AssemblyCleanup], TUnit's [After]) sets the same state, when the set is itself in such a
/// teardown, and in disposable helper types (scope objects that restore in Dispose). Not reported at all:
/// <c>CultureInfo.CurrentCulture</c>/<c>CurrentUICulture</c> and <c>Thread.CurrentThread.CurrentCulture</c>: they
/// live in the async flow on .NET Core and .NET Framework 4.6+, which the runners do not let leak out of one
/// test (xUnit, MSTest and TUnit call the test inside an async method; NUnit restores the culture after each test).
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProcessStateAnalyzer : TestSmellsAnalyzer
{
    private const string CurrentDirectoryKey = "cwd";
    private const string EnvironmentPrefix = "env:";
    private const string AnyEnvironmentKey = "env:*";

    // Matched by simple name: every framework's teardown (per test, once, TUnit's After hooks).
    private static readonly ImmutableHashSet<string> TeardownAttributes = ImmutableHashSet.CreateRange(
        StringComparer.Ordinal,
        Array.ConvertAll(Frameworks.Union(f => f.TearDownAttributes.AddRange(f.OnceTearDownAttributes).AddRange(f.AfterHookAttributes)), Frameworks.SimpleName));

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST4004);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var compilation = context.Compilation;
        var environment = TypeLookup.Find(compilation, "System.Environment");
        var directory = TypeLookup.Find(compilation, "System.IO.Directory");
        var cultureInfo = TypeLookup.Find(compilation, "System.Globalization.CultureInfo");
        var disposables = TypeLookup.FindAll(compilation, "System.IDisposable", "System.IAsyncDisposable");
        var state = new StateApis(environment, directory, cultureInfo);
        var teardownKeys = new ConcurrentDictionary<INamedTypeSymbol, ImmutableHashSet<string>>(SymbolEqualityComparer.Default);

        void Analyze(OperationAnalysisContext operationContext)
        {
            var set = state.SetOf(operationContext.Operation);
            if (set is null)
            {
                return;
            }

            var member = operationContext.ContainingSymbol;
            if (!model.IsTestCode(member)
                || ExpressionTrees.IsInExpressionTree(operationContext.Operation)
                || member.ContainingType is not { } type)
            {
                return;
            }

            // A disposable helper (a scope object) restores in its Dispose; a test class itself is not a scope.
            if (!model.IsTestClass(type) && Implements(type, disposables))
            {
                return;
            }

            var enclosing = EnclosingMember(member);
            if (enclosing is IMethodSymbol method && (IsTeardown(method) || IsRunWideSetup(method)))
            {
                return;
            }

            if (IsRestoredInMember(operationContext.Operation, set.Value, state))
            {
                return;
            }

            var keys = teardownKeys.TryGetValue(type, out var known) ? known : teardownKeys.GetOrAdd(type, t => TeardownKeys(t, operationContext.CancellationToken));
            if (keys.Contains(set.Value.Key) || (set.Value.Key.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && keys.Contains(AnyEnvironmentKey)))
            {
                return;
            }

            operationContext.ReportDiagnostic(Diagnostic.Create(Rules.TST4004, operationContext.Operation.Syntax.GetLocation(), set.Value.Display));
        }

        if (environment is not null || directory is not null)
        {
            context.RegisterOperationAction(Analyze, OperationKind.Invocation);
        }

        if (environment is not null || cultureInfo is not null)
        {
            context.RegisterOperationAction(Analyze, OperationKind.SimpleAssignment);
        }
    }

    private static ISymbol EnclosingMember(ISymbol member)
    {
        var current = member;
        while (current is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } && current.ContainingSymbol is { } outer)
        {
            current = outer;
        }

        return current;
    }

    private static bool Implements(INamedTypeSymbol type, ImmutableHashSet<INamedTypeSymbol> interfaces)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (interfaces.Contains(implemented))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTeardown(IMethodSymbol method)
    {
        if (method.Name is "Dispose" or "DisposeAsync")
        {
            return true;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && TeardownAttributes.Contains(attributeClass.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Setup that runs once for the whole run (MSTest <c>[AssemblyInitialize]</c>, a module initializer,
    /// TUnit <c>[Before(Assembly)]</c>/<c>[Before(TestSession)]</c>): state set there is meant for every
    /// test, not left behind by one.
    /// </summary>
    private static bool IsRunWideSetup(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            switch (attribute.AttributeClass?.Name)
            {
                case "AssemblyInitializeAttribute":
                case "ModuleInitializerAttribute":
                    return true;
                case "BeforeAttribute":
                case "BeforeEveryAttribute":
                    if (attribute.ConstructorArguments.Length > 0
                        && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Enum, Type: INamedTypeSymbol hookType, Value: { } value }
                        && EnumMemberName(hookType, value) is "Assembly" or "TestSession" or "TestDiscovery")
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private static string? EnumMemberName(INamedTypeSymbol enumType, object value)
    {
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value))
            {
                return field.Name;
            }
        }

        return null;
    }

    /// <summary>True when another set of the same state in the member is a restore, or this set is the restore of another.</summary>
    private static bool IsRestoredInMember(IOperation operation, StateSet set, StateApis state)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        foreach (var descendant in root.Descendants())
        {
            if (descendant == operation || descendant.Kind is not (OperationKind.Invocation or OperationKind.SimpleAssignment))
            {
                continue;
            }

            if (state.SetOf(descendant) is { } other
                && string.Equals(other.Key, set.Key, StringComparison.Ordinal)
                && (other.RestoresSavedValue || set.RestoresSavedValue))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The state keys that the teardowns of <paramref name="type"/> and its bases set, read from their syntax
    /// (name-based, which can only make the rule quieter).
    /// </summary>
    private static ImmutableHashSet<string> TeardownKeys(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        var keys = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);

        // The teardowns, then the methods of the class they call by name (a RestoreEnvironment() helper), two levels deep.
        var pending = new List<(IMethodSymbol Method, int Depth)>();
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IMethodSymbol method && IsTeardown(method) && seen.Add(method))
                {
                    pending.Add((method, 0));
                }
            }
        }

        for (var index = 0; index < pending.Count; index++)
        {
            var (method, depth) = pending[index];
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    switch (node)
                    {
                        case InvocationExpressionSyntax invocation:
                            var called = invocation.Expression switch
                            {
                                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                                _ => null,
                            };
                            if (called == "SetEnvironmentVariable")
                            {
                                // A literal name is that variable; a constant or variable name may be any of them.
                                keys.Add(invocation.ArgumentList.Arguments.Count > 0
                                    && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
                                    ? EnvironmentKey(literal.Token.ValueText)
                                    : AnyEnvironmentKey);
                            }
                            else if (called == "SetCurrentDirectory")
                            {
                                keys.Add(CurrentDirectoryKey);
                            }
                            else if (called is not null && depth < 2
                                && invocation.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax })
                            {
                                for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                                {
                                    foreach (var candidate in current.GetMembers(called))
                                    {
                                        if (candidate is IMethodSymbol helper && seen.Add(helper))
                                        {
                                            pending.Add((helper, depth + 1));
                                        }
                                    }
                                }
                            }

                            break;
                        case AssignmentExpressionSyntax { Left: var left } when AssignedName(left) is { } name:
                            keys.Add(name == "CurrentDirectory" ? CurrentDirectoryKey : name);
                            break;
                    }
                }
            }
        }

        return keys.ToImmutable();
    }

    private static string? AssignedName(ExpressionSyntax left)
    {
        var name = left switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        return name is "CurrentDirectory" or "DefaultThreadCurrentCulture" or "DefaultThreadCurrentUICulture" ? name : null;
    }

    private static string EnvironmentKey(string name) => EnvironmentPrefix + name.ToUpperInvariant();

    /// <summary>One change of process state: which state, how to name it, and whether its value is a saved one.</summary>
    private readonly struct StateSet
    {
        public StateSet(string key, string display, bool restoresSavedValue)
        {
            Key = key;
            Display = display;
            RestoresSavedValue = restoresSavedValue;
        }

        public string Key { get; }

        public string Display { get; }

        public bool RestoresSavedValue { get; }
    }

    private sealed class StateApis
    {
        private readonly INamedTypeSymbol? _environment;
        private readonly INamedTypeSymbol? _directory;
        private readonly INamedTypeSymbol? _cultureInfo;

        public StateApis(INamedTypeSymbol? environment, INamedTypeSymbol? directory, INamedTypeSymbol? cultureInfo)
        {
            _environment = environment;
            _directory = directory;
            _cultureInfo = cultureInfo;
        }

        /// <summary>The change of process state that <paramref name="operation"/> makes, if any.</summary>
        public StateSet? SetOf(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (method.Name == "SetEnvironmentVariable"
                        && SymbolEqualityComparer.Default.Equals(method.ContainingType, _environment)
                        && invocation.Arguments.Length >= 2
                        && ArgumentFor(invocation, 0) is { ConstantValue: { HasValue: true, Value: string name } })
                    {
                        var value = ArgumentFor(invocation, 1);
                        return new StateSet(
                            EnvironmentKey(name),
                            $"Environment.SetEnvironmentVariable(\"{name}\", ...)",
                            value is not null && (IsSavedValue(value) || value.ConstantValue is { HasValue: true, Value: null }));
                    }

                    if (method.Name == "SetCurrentDirectory"
                        && SymbolEqualityComparer.Default.Equals(method.ContainingType, _directory)
                        && invocation.Arguments.Length == 1)
                    {
                        var value = ArgumentFor(invocation, 0);
                        return new StateSet(CurrentDirectoryKey, "Directory.SetCurrentDirectory", value is not null && IsSavedValue(value));
                    }

                    return null;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { IsStatic: true } property } } assignment:
                    if (property.Name == "CurrentDirectory" && SymbolEqualityComparer.Default.Equals(property.ContainingType, _environment))
                    {
                        return new StateSet(CurrentDirectoryKey, "Setting Environment.CurrentDirectory", IsSavedValue(assignment.Value));
                    }

                    if (property.Name is "DefaultThreadCurrentCulture" or "DefaultThreadCurrentUICulture"
                        && SymbolEqualityComparer.Default.Equals(property.ContainingType, _cultureInfo))
                    {
                        // null is the initial value of both (no default culture for new threads).
                        return new StateSet(
                            property.Name,
                            "Setting CultureInfo." + property.Name,
                            IsSavedValue(assignment.Value) || assignment.Value.ConstantValue is { HasValue: true, Value: null });
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// A local that holds a saved value: its initializer reads process state (or it has none and is
        /// assigned elsewhere, which is given the benefit of the doubt). <c>var dir = Path.GetTempPath()</c> is not one.
        /// </summary>
        private static bool IsSavedLocal(ILocalSymbol local)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
                {
                    var text = initializer.ToString();
                    // A culture saved from CurrentCulture/CurrentUICulture is what a test puts back into
                    // DefaultThreadCurrentCulture (whose own initial value, null, means that culture for new threads).
                    return text.Contains("GetEnvironmentVariable")
                        || text.Contains("CurrentDirectory")
                        || text.Contains("DefaultThreadCurrent")
                        || text.Contains("CurrentCulture")
                        || text.Contains("CurrentUICulture");
                }
            }

            return true;
        }

        private static IOperation? ArgumentFor(IInvocationOperation invocation, int ordinal)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>A value read from a variable: a local, parameter, field or property, the usual home of a saved value.</summary>
        private static bool IsSavedValue(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is ILocalReferenceOperation local)
            {
                return IsSavedLocal(local.Local);
            }

            return value is IParameterReferenceOperation or IFieldReferenceOperation
                || value is IPropertyReferenceOperation { Property.IsStatic: false }
                || value is IPropertyReferenceOperation { Property.IsStatic: true } property
                    && !(property.Property.Name is "CurrentDirectory" or "DefaultThreadCurrentCulture" or "DefaultThreadCurrentUICulture");
        }
    }
}
