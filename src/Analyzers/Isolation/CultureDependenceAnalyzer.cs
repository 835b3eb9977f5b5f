using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Isolation;

/// <summary>
/// TST4007: inside the arguments of an assertion (or in a local assigned once that flows into one), a
/// number or date formatted or parsed with the current culture and compared with a fixed value, or a
/// conversion to the machine's time zone compared with a fixed value. Silent when the test, its class or
/// the assembly pins the culture; when the only fixed text is composed into the same string as the value
/// (it moves with it); for the time zone, when the read builds an expected instant from fixed local parts,
/// or when the test also turns a local DateTime into UTC or names DateTimeKind.Local (its input is local time too).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CultureDependenceAnalyzer : TestSmellsAnalyzer
{
    private const int MaxTextLength = 60;

    /// <summary>Diagnostic property: present when the code fix may add <c>CultureInfo.InvariantCulture</c> as the last argument.</summary>
    public const string FixKey = "AddInvariantCulture";

    private static readonly ImmutableDictionary<string, string?> FixProperties = ImmutableDictionary<string, string?>.Empty.Add(FixKey, "true");

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST4007);

    private enum Sensitivity
    {
        None,

        /// <summary>Formats a number or a date with the current culture.</summary>
        Format,

        /// <summary>Parses a fixed text whose meaning depends on the culture.</summary>
        Parse,

        /// <summary>Converts to, or reads, the machine's time zone.</summary>
        TimeZone,
    }

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var compilation = context.Compilation;
        var shared = new Shared(
            model,
            TypeLookup.Find(compilation, "System.DateTimeOffset"),
            TypeLookup.Find(compilation, "System.TimeZoneInfo"),
            TypeLookup.Find(compilation, "System.IFormatProvider"));

        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                if (invocation.TargetMethod.Name is "ToString" or "Format" or "Parse" or "ToLocalTime")
                {
                    Analyze(c, shared);
                }
            },
            OperationKind.Invocation);
        context.RegisterOperationAction(c => Analyze(c, shared), OperationKind.InterpolatedString);
        context.RegisterOperationAction(
            c =>
            {
                if (c.Operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String })
                {
                    Analyze(c, shared);
                }
            },
            OperationKind.Binary);
        if (shared.TimeZoneInfo is not null)
        {
            context.RegisterOperationAction(
                c =>
                {
                    if (c.Operation is IPropertyReferenceOperation { Property.Name: "Local" })
                    {
                        Analyze(c, shared);
                    }
                },
                OperationKind.PropertyReference);
        }
    }

    private static void Analyze(OperationAnalysisContext context, Shared shared)
    {
        var operation = context.Operation;
        var sensitivity = Classify(operation, shared);
        if (sensitivity == Sensitivity.None
            || !shared.Model.IsTestCode(context.ContainingSymbol)
            || ExpressionTrees.IsInExpressionTree(operation))
        {
            return;
        }

        var assertions = shared.Model.Assertions.For(context.Options, operation.Syntax.SyntaxTree);
        SingleAssignmentLocals? locals = null;
        var scope = AssertionScope(operation, assertions);
        IOperation excluded = operation;
        if (scope is null)
        {
            // A local assigned once from the value, read in an assertion.
            if (DeclaredLocal(operation) is not { } local)
            {
                return;
            }

            locals = SingleAssignmentLocals.Of(operation);
            if (locals.ValueOf(local) is null)
            {
                return;
            }

            foreach (var reference in locals.ReferencesTo(local))
            {
                scope = AssertionScope(reference, assertions);
                if (scope is not null)
                {
                    excluded = reference;
                    break;
                }
            }

            if (scope is null)
            {
                return;
            }
        }

        if (sensitivity != Sensitivity.TimeZone && shared.PinsCulture(context.ContainingSymbol))
        {
            return;
        }

        if (sensitivity == Sensitivity.TimeZone && (BuildsAnInstant(operation, scope) || WorksInLocalTime(operation)))
        {
            return;
        }

        if (sensitivity != Sensitivity.Parse)
        {
            locals ??= SingleAssignmentLocals.Of(operation);
            if (!ComparesWithFixedValue(scope, excluded, sensitivity, shared, locals))
            {
                return;
            }
        }

        var text = operation.Syntax.ToString();
        if (text.Length > MaxTextLength || text.IndexOf('\n') >= 0)
        {
            text = text.Substring(0, Math.Min(text.Length, MaxTextLength)).Split('\n')[0].TrimEnd() + "...";
        }

        var (what, aspect, advice) = sensitivity switch
        {
            Sensitivity.Format => ("formats with the current culture", "culture", "pass CultureInfo.InvariantCulture (or the culture the test is about)"),
            Sensitivity.Parse => ("parses with the current culture", "culture", "pass CultureInfo.InvariantCulture (or the culture the test is about)"),
            _ => (operation is IPropertyReferenceOperation ? "reads the machine's time zone" : "converts to the machine's time zone", "time zone", "compare in UTC or convert with an explicit TimeZoneInfo"),
        };
        var properties = CanAddInvariantCulture(operation) ? FixProperties : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Rules.TST4007, operation.Syntax.GetLocation(), properties, "'" + text + "'", what, aspect, advice));
    }

    /// <summary>
    /// True when the time-zone read is an argument of a constructor that also takes constant parts, on its
    /// way into the assertion (<c>new DateTimeOffset(2009, 4, 6, 13, 5, 0, GetUtcOffset(d, TimeZoneInfo.Local))</c>):
    /// the test builds its expected instant at a fixed local wall-clock time on purpose, so it moves with the zone.
    /// </summary>
    private static bool BuildsAnInstant(IOperation operation, IOperation scope)
    {
        for (var current = operation; current is not null && current != scope; current = current.Parent)
        {
            if (current is IArgumentOperation { Parent: IObjectCreationOperation creation } zoneArgument)
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument != zoneArgument && argument.Value.ConstantValue.HasValue)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when the test works in the machine's time zone on purpose: it turns a local <c>DateTime</c> into
    /// UTC (<c>new DateTime(2015, 1, 1).ToUniversalTime()</c>) or names <c>DateTimeKind.Local</c> (a value built
    /// or asserted to be local, on which <c>ToLocalTime()</c> changes nothing). Its input is local time too,
    /// so a result read back in local time moves with it.
    /// </summary>
    private static bool WorksInLocalTime(IOperation operation)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        foreach (var descendant in root.Descendants())
        {
            if (descendant is IInvocationOperation { TargetMethod.Name: "ToUniversalTime", Instance.Type.SpecialType: SpecialType.System_DateTime }
                or IFieldReferenceOperation { Field: { Name: "Local", ContainingType.Name: "DateTimeKind" } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for the calls that have an overload with a trailing <c>IFormatProvider</c>:
    /// <c>x.ToString()</c>, <c>x.ToString(format)</c>, <c>T.Parse(text)</c>, <c>T.Parse(text, styles)</c>,
    /// written without named arguments.
    /// </summary>
    private static bool CanAddInvariantCulture(IOperation operation)
    {
        if (operation is not IInvocationOperation invocation)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { NameColon: not null })
            {
                return false;
            }
        }

        var parameters = invocation.TargetMethod.Parameters;
        return invocation.TargetMethod.Name switch
        {
            "ToString" => parameters.Length == 0 || (parameters.Length == 1 && parameters[0].Type.SpecialType == SpecialType.System_String),
            "Parse" => parameters.Length == 1 || (parameters.Length == 2 && parameters[1].Type.Name == "NumberStyles"),
            _ => false,
        };
    }

    private static Sensitivity Classify(IOperation operation, Shared shared)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                return ClassifyCall(invocation, shared);
            case IInterpolatedStringOperation interpolated:
                if (interpolated.Parent is IInterpolatedStringHandlerCreationOperation
                    || (interpolated.Parent is IConversionOperation conversion && conversion.Type?.SpecialType != SpecialType.System_String))
                {
                    // FormattableString.Invariant($"..."), string.Create(provider, $"...") and other handlers choose the culture.
                    return Sensitivity.None;
                }

                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole && IsSensitiveType(Unboxed(hole.Expression).Type, shared))
                    {
                        return Sensitivity.Format;
                    }
                }

                return Sensitivity.None;
            case IBinaryOperation binary:
                return IsSensitiveType(Unboxed(binary.LeftOperand).Type, shared) || IsSensitiveType(Unboxed(binary.RightOperand).Type, shared)
                    ? Sensitivity.Format
                    : Sensitivity.None;
            case IPropertyReferenceOperation property:
                return property.Property.IsStatic && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, shared.TimeZoneInfo)
                    ? Sensitivity.TimeZone
                    : Sensitivity.None;
            default:
                return Sensitivity.None;
        }
    }

    private static Sensitivity ClassifyCall(IInvocationOperation invocation, Shared shared)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "ToString" when !method.IsStatic && invocation.Instance is { } instance:
                return IsSensitiveType(instance.Type, shared) && !TakesProvider(method, shared) ? Sensitivity.Format : Sensitivity.None;
            case "Format" when method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_String && !TakesProvider(method, shared):
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value is IArrayCreationOperation { Initializer: { } initializer } && argument.ArgumentKind == ArgumentKind.ParamArray)
                    {
                        foreach (var element in initializer.ElementValues)
                        {
                            if (IsSensitiveType(Unboxed(element).Type, shared))
                            {
                                return Sensitivity.Format;
                            }
                        }
                    }
                    else if (argument.Parameter?.Name != "format" && IsSensitiveType(Unboxed(argument.Value).Type, shared))
                    {
                        return Sensitivity.Format;
                    }
                }

                return Sensitivity.None;
            case "Parse" when method.IsStatic && IsSensitiveType(method.ContainingType, shared) && !TakesProvider(method, shared)
                && invocation.Arguments.Length >= 1
                && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text }:
                return IsCultureSensitiveText(text, method.ContainingType) ? Sensitivity.Parse : Sensitivity.None;
            case "ToLocalTime" when !method.IsStatic && invocation.Instance is { } instance
                && (instance.Type?.SpecialType == SpecialType.System_DateTime || SymbolEqualityComparer.Default.Equals(instance.Type, shared.DateTimeOffset)):
                return Sensitivity.TimeZone;
            default:
                return Sensitivity.None;
        }
    }

    /// <summary>
    /// True when a fixed text reads differently in another culture: a number with a '.' or ',' (decimal
    /// or group separator), a date in anything but the ISO 8601 shape <c>yyyy-MM-dd</c>.
    /// </summary>
    private static bool IsCultureSensitiveText(string text, INamedTypeSymbol type)
    {
        if (type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal)
        {
            return text.IndexOf('.') >= 0 || text.IndexOf(',') >= 0;
        }

        var trimmed = text.Trim();
        var isIso = trimmed.Length >= 10
            && char.IsDigit(trimmed[0]) && char.IsDigit(trimmed[1]) && char.IsDigit(trimmed[2]) && char.IsDigit(trimmed[3])
            && trimmed[4] == '-' && char.IsDigit(trimmed[5]) && char.IsDigit(trimmed[6]) && trimmed[7] == '-'
            && char.IsDigit(trimmed[8]) && char.IsDigit(trimmed[9])
            && (trimmed.Length == 10 || trimmed[10] is 'T' or ' ');
        return !isIso;
    }

    private static bool IsSensitiveType(ITypeSymbol? type, Shared shared)
        => type is not null
        && (type.SpecialType is SpecialType.System_DateTime or SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal
            || SymbolEqualityComparer.Default.Equals(type, shared.DateTimeOffset));

    private static bool TakesProvider(IMethodSymbol method, Shared shared)
    {
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, shared.FormatProvider) || parameter.Type.Name == "IFormatProvider")
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Unboxed(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// The whole expression of the assertion statement holding <paramref name="operation"/> in its
    /// arguments or receiver chain, or null. Lambdas (an act delegate, <c>Assert.Multiple</c>) and message
    /// arguments end the search.
    /// </summary>
    private static IOperation? AssertionScope(IOperation operation, AssertionModel.Scope assertions)
    {
        var isAssertion = false;
        var top = operation;
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IArgumentOperation argument when IsMessageParameter(argument.Parameter):
                    return null;
                case IInvocationOperation invocation:
                    isAssertion = isAssertion || IsAssertionChain(invocation, assertions);
                    break;
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                case IBlockOperation:
                case IExpressionStatementOperation:
                case IReturnOperation:
                case IVariableInitializerOperation:
                case IVariableDeclaratorOperation:
                case IMethodBodyBaseOperation:
                case ISymbolInitializerOperation:
                case ILoopOperation:
                case ISwitchOperation:
                case IConditionalOperation { Type: null }:
                case IUsingOperation:
                case ITryOperation:
                    return isAssertion ? top : null;
            }

            top = current;
        }

        return isAssertion ? top : null;
    }

    /// <summary>
    /// True when <paramref name="invocation"/> asserts, or continues a chain started by an assertion
    /// (TUnit's <c>Assert.That(actual).IsEqualTo(expected)</c>: the value may sit in the last call).
    /// </summary>
    private static bool IsAssertionChain(IInvocationOperation invocation, AssertionModel.Scope assertions)
    {
        IOperation? current = invocation;
        for (var depth = 0; depth < 6 && current is not null; depth++)
        {
            switch (current)
            {
                case IInvocationOperation call:
                    if (assertions.Classify(call) != AssertionKind.None)
                    {
                        return true;
                    }

                    current = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
                    break;
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    break;
                case IPropertyReferenceOperation property:
                    current = property.Instance;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsMessageParameter(IParameterSymbol? parameter)
        => parameter is not null
        && (parameter.Name.IndexOf("message", StringComparison.OrdinalIgnoreCase) >= 0
            || parameter.Name is "because" or "becauseArgs" or "customMessage" or "args" or "parameters" or "messageArgs");

    /// <summary>The local whose declaration <paramref name="operation"/> initializes, if any.</summary>
    private static ILocalSymbol? DeclaredLocal(IOperation operation)
    {
        var current = operation.Parent;
        while (current is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
    }

    /// <summary>
    /// True when the assertion also holds a fixed value to compare with: a constant text with a digit
    /// (for formatting), or any numeric or digit-bearing constant (for time zones), outside the value
    /// itself, other culture-sensitive values, format strings, messages and lambdas.
    /// </summary>
    private static bool ComparesWithFixedValue(IOperation scope, IOperation excluded, Sensitivity sensitivity, Shared shared, SingleAssignmentLocals locals)
    {
        // The text composed around the value ($"https://host/{stamp}/"): its constant parts move with the
        // value, they are not a fixed expectation of it.
        var composed = ComposedAround(excluded, scope);
        var stack = new Stack<IOperation>();
        stack.Push(scope);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current == excluded || current == composed || current is IAnonymousFunctionOperation || (current != scope && Classify(current, shared) != Sensitivity.None))
            {
                continue;
            }

            // Messages, format strings, and the defaulted caller-argument-expression texts (MSTest 4) are not compared values.
            if (current is IArgumentOperation { Parameter: { } parameter } argument
                && (argument.ArgumentKind == ArgumentKind.DefaultValue || IsMessageParameter(parameter)
                    || parameter.Name is "format" or "provider" || parameter.Name.EndsWith("Expression", StringComparison.Ordinal)))
            {
                continue;
            }

            var value = current is ILocalReferenceOperation local && locals.ValueOf(local.Local) is { } initializer ? initializer : current;
            if (value.ConstantValue is { HasValue: true } constant)
            {
                if (IsFixed(constant.Value, sensitivity))
                {
                    return true;
                }

                continue;
            }

            foreach (var child in current.ChildOperations)
            {
                stack.Push(child);
            }
        }

        return false;
    }

    /// <summary>
    /// The outermost interpolated string or string concatenation that embeds <paramref name="value"/>
    /// below <paramref name="scope"/>, or <paramref name="value"/> itself.
    /// </summary>
    private static IOperation ComposedAround(IOperation value, IOperation scope)
    {
        var composed = value;
        for (var current = value.Parent; current is not null && current != scope; current = current.Parent)
        {
            switch (current)
            {
                case IInterpolatedStringOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }:
                    composed = current;
                    break;
                case IInterpolationOperation:
                case IInterpolatedStringContentOperation:
                case IConversionOperation:
                case IParenthesizedOperation:
                    break;
                default:
                    return composed;
            }
        }

        return composed;
    }

    private static bool IsFixed(object? value, Sensitivity sensitivity)
    {
        switch (value)
        {
            case string text:
                foreach (var c in text)
                {
                    if (c is >= '0' and <= '9')
                    {
                        return true;
                    }
                }

                return false;
            case null:
            case bool:
            case char:
                return false;
            default:
                return sensitivity == Sensitivity.TimeZone;
        }
    }

    private sealed class Shared
    {
        private readonly ConcurrentDictionary<ISymbol, bool> _pinned = new(SymbolEqualityComparer.Default);
        private int _assemblyPin;

        public Shared(TestCodeModel model, INamedTypeSymbol? dateTimeOffset, INamedTypeSymbol? timeZoneInfo, INamedTypeSymbol? formatProvider)
        {
            Model = model;
            DateTimeOffset = dateTimeOffset;
            TimeZoneInfo = timeZoneInfo;
            FormatProvider = formatProvider;
        }

        public TestCodeModel Model { get; }
        public INamedTypeSymbol? DateTimeOffset { get; }
        public INamedTypeSymbol? TimeZoneInfo { get; }
        public INamedTypeSymbol? FormatProvider { get; }

        /// <summary>
        /// True when the culture is pinned for <paramref name="member"/>: an attribute whose name speaks of
        /// a culture (NUnit's [SetCulture], the usual xUnit [UseCulture]) on the method, its types or the
        /// assembly; the class (or a base) setting CurrentCulture; any file setting DefaultThreadCurrentCulture.
        /// </summary>
        public bool PinsCulture(ISymbol member)
        {
            if (AssemblyPins())
            {
                return true;
            }

            for (ISymbol? current = member; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (HasCultureAttribute(current))
                {
                    return true;
                }

                if (current is INamedTypeSymbol type)
                {
                    for (var baseType = type; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
                    {
                        if (TypePins(baseType))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private bool TypePins(INamedTypeSymbol type)
            => _pinned.TryGetValue(type, out var known) ? known : _pinned.GetOrAdd(type, t =>
            {
                if (HasCultureAttribute(t))
                {
                    return true;
                }

                foreach (var reference in t.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(CancellationToken.None).ToString().IndexOf("CurrentCulture", StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            });

        private bool AssemblyPins()
        {
            var state = Volatile.Read(ref _assemblyPin);
            if (state == 0)
            {
                var pins = HasCultureAttribute(Model.Compilation.Assembly);
                foreach (var tree in Model.Compilation.SyntaxTrees)
                {
                    if (pins)
                    {
                        break;
                    }

                    pins = tree.GetText().ToString().IndexOf("DefaultThreadCurrentCulture", StringComparison.Ordinal) >= 0;
                }

                state = pins ? 1 : 2;
                Volatile.Write(ref _assemblyPin, state);
            }

            return state == 1;
        }

        private static bool HasCultureAttribute(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is { } name && name.IndexOf("Culture", StringComparison.Ordinal) >= 0
                    && name.IndexOf("UICulture", StringComparison.Ordinal) < 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
