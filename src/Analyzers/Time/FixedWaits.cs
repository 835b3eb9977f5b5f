using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Time;

/// <summary>What TST1001 and TST1002 share: when a wait is a fixed wait in the test's own flow.</summary>
internal static class FixedWaits
{
    /// <summary>Diagnostic property: the poll timeout (<c>test_smells.poll_timeout_ms</c>) for the poll fix.</summary>
    public const string PollTimeoutProperty = "PollTimeoutMs";

    /// <summary>Diagnostic property: "true" when the wait is in an async method (the fix writes an awaited poll).</summary>
    public const string AsyncProperty = "Async";

    /// <summary>The properties the fixes of TST1001/TST1002 need.</summary>
    public static ImmutableDictionary<string, string?> Properties(OperationAnalysisContext context)
    {
        var timeout = SmellOptions.PollTimeoutMs(context.Options, context.Operation.Syntax.SyntaxTree);
        var isAsync = EnclosingFunction(context.Operation, context.ContainingSymbol) is IMethodSymbol { IsAsync: true };
        return ImmutableDictionary<string, string?>.Empty
            .Add(PollTimeoutProperty, timeout.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add(AsyncProperty, isAsync ? "true" : "false");
    }

    /// <summary>The local function the operation is in, else the member that owns it.</summary>
    private static ISymbol EnclosingFunction(IOperation operation, ISymbol owner)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILocalFunctionOperation local)
            {
                return local.Symbol;
            }
        }

        return owner;
    }

    /// <summary>
    /// True when <paramref name="wait"/> runs in the test's own flow: not inside a loop (a loop that
    /// waits and re-checks is polling), not inside a lambda or anonymous method (a delay handed to
    /// <c>Task.Run</c>, a mock callback or a fake is the input of the test, and a lambda converted to
    /// an expression tree is never executed).
    /// </summary>
    public static bool IsInTestFlow(IOperation wait)
    {
        for (var current = wait.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation:
                case IAnonymousFunctionOperation:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True for a duration that is not a fixed wait: zero (a yield) or infinite (a wait that only
    /// cancellation ends), given as a constant, <c>TimeSpan.Zero</c>, <c>Timeout.InfiniteTimeSpan</c>
    /// or <c>TimeSpan.FromX(0)</c>.
    /// </summary>
    public static bool IsZeroOrInfinite(IOperation? duration)
    {
        while (duration is IConversionOperation conversion)
        {
            duration = conversion.Operand;
        }

        if (duration is null)
        {
            return false;
        }

        if (duration.ConstantValue is { HasValue: true, Value: var value })
        {
            return value is int i && i <= 0;
        }

        switch (duration)
        {
            case IFieldReferenceOperation { Field: { Name: "Zero" or "InfiniteTimeSpan" } field }
                when field.ContainingType?.Name is "TimeSpan" or "Timeout":
                return true;
            case IInvocationOperation { TargetMethod: { ContainingType.Name: "TimeSpan" } method } invocation
                when method.Name.StartsWith("From", System.StringComparison.Ordinal)
                    && invocation.Arguments.Length == 1
                    && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: var fromValue }:
                return fromValue is int fi ? fi == 0 : fromValue is double fd ? fd == 0 : fromValue is long fl && fl == 0;
        }

        return false;
    }

    /// <summary>
    /// True for a duration TST1001/TST1002 do not report: zero or infinite (<see cref="IsZeroOrInfinite"/>),
    /// a constant of at most one millisecond (<c>Task.Delay(1)</c> forces an asynchronous continuation,
    /// <c>Thread.Sleep(1)</c> lets the clock tick: neither waits for a condition), or a random length
    /// (<c>Task.Delay(random.Next(1, 100))</c> is simulated work, the jitter of a concurrency test).
    /// </summary>
    public static bool IsNotAConditionWait(IOperation? duration)
    {
        if (IsZeroOrInfinite(duration))
        {
            return true;
        }

        while (duration is IConversionOperation conversion)
        {
            duration = conversion.Operand;
        }

        switch (duration)
        {
            case null:
                return false;
            case { ConstantValue: { HasValue: true, Value: int milliseconds } }:
                return milliseconds <= 1;
            case IInvocationOperation { TargetMethod: { ContainingType.Name: "TimeSpan", Name: "FromMilliseconds" or "FromTicks" } } invocation
                when invocation.Arguments.Length >= 1
                    && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: var value }:
                return value switch
                {
                    int i => i <= (invocation.TargetMethod.Name == "FromTicks" ? TimeSpan.TicksPerMillisecond : 1),
                    long l => l <= (invocation.TargetMethod.Name == "FromTicks" ? TimeSpan.TicksPerMillisecond : 1),
                    double d => d <= 1,
                    _ => false,
                };
        }

        foreach (var part in duration.DescendantsAndSelf())
        {
            if (part is IInvocationOperation { TargetMethod: { ContainingType: { Name: "Random", ContainingNamespace.Name: "System" } } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The duration argument as written, for messages (<c>500</c>, <c>TimeSpan.FromSeconds(1)</c>).</summary>
    public static string DurationText(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 } && argument.Value.Syntax is { } syntax)
            {
                return syntax.ToString();
            }
        }

        return string.Empty;
    }
}
