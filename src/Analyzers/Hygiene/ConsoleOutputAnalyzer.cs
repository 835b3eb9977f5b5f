using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Hygiene;

/// <summary>
/// TST5002: <c>Console.Write</c>/<c>Console.WriteLine</c>, and <c>Write</c>/<c>WriteLine</c> on
/// <c>Console.Out</c> or <c>Console.Error</c>, in test code whose framework does not attach console
/// output to the running test: xUnit v2 (never) and xUnit v3 without <c>[assembly: CaptureConsole]</c>
/// (or with it, for the stream it leaves out). NUnit, MSTest and TUnit capture the console per test,
/// so their tests are not reported. <c>Debug</c> and <c>Trace</c> output is not console output.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsoleOutputAnalyzer : TestSmellsAnalyzer
{
    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST5002);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        if ((model.Frameworks & (TestFramework.XunitV2 | TestFramework.XunitV3)) == 0)
        {
            return;
        }

        var console = TypeLookup.Find(context.Compilation, "System.Console");
        if (console is null)
        {
            return;
        }

        var capture = XunitCapture.Read(context.Compilation);
        var lostOut = TestFramework.XunitV2 | (capture.Out ? TestFramework.None : TestFramework.XunitV3);
        var lostError = TestFramework.XunitV2 | (capture.Error ? TestFramework.None : TestFramework.XunitV3);
        var xunitV3 = capture.IsDeclared
            ? "xUnit v3 with [assembly: CaptureConsole] set to leave this stream out"
            : "xUnit v3 without [assembly: CaptureConsole]";
        var frameworkOfType = new ConcurrentDictionary<INamedTypeSymbol, TestFramework>(SymbolEqualityComparer.Default);

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var name = invocation.TargetMethod.Name;
                if (name is not ("Write" or "WriteLine"))
                {
                    return;
                }

                var written = ConsoleWrite(invocation, console);
                if (written is null
                    || operationContext.ContainingSymbol.ContainingType is not { } type
                    || !model.IsTestCode(operationContext.ContainingSymbol)
                    || RunsOncePerType(operationContext.ContainingSymbol)
                    || ExpressionTrees.IsInExpressionTree(invocation))
                {
                    return;
                }

                var framework = frameworkOfType.TryGetValue(type, out var known)
                    ? known
                    : frameworkOfType.GetOrAdd(type, TestFrameworkOf.Type(model, type));
                var lost = written == "Console.Error" ? lostError : lostOut;
                if (framework == TestFramework.None || (framework & lost) == 0)
                {
                    return;
                }

                var version = framework == TestFramework.XunitV2 ? "xUnit v2" : xunitV3;
                operationContext.ReportDiagnostic(Diagnostic.Create(Rules.TST5002, invocation.Syntax.GetLocation(), written + "." + name, version));
            },
            OperationKind.Invocation);
    }

    /// <summary>
    /// True directly in a static constructor: code that runs once for the type, not as part of one test,
    /// where no test output exists to write to. A lambda there is not included: it may be stored and
    /// called by a test.
    /// </summary>
    private static bool RunsOncePerType(ISymbol member)
        => member is IMethodSymbol { MethodKind: MethodKind.StaticConstructor };

    /// <summary><c>Console</c>, <c>Console.Out</c> or <c>Console.Error</c> when the call writes there; otherwise null.</summary>
    internal static string? ConsoleWrite(IInvocationOperation invocation, INamedTypeSymbol console)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic)
        {
            return SymbolEqualityComparer.Default.Equals(method.ContainingType, console) ? "Console" : null;
        }

        return invocation.Instance is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Out" or "Error" } stream }
            && SymbolEqualityComparer.Default.Equals(stream.ContainingType, console)
            ? "Console." + stream.Name
            : null;
    }

    /// <summary>
    /// xUnit v3's <c>[assembly: CaptureConsole]</c> on the compilation: it routes <c>Console.Out</c>
    /// (<c>CaptureOut</c>, default true) and <c>Console.Error</c> (<c>CaptureError</c>, default true)
    /// to the running test's output.
    /// </summary>
    private readonly struct XunitCapture
    {
        private XunitCapture(bool captureOut, bool captureError)
        {
            IsDeclared = true;
            Out = captureOut;
            Error = captureError;
        }

        /// <summary>True when the assembly carries the attribute (with whichever streams it names).</summary>
        public bool IsDeclared { get; }

        public bool Out { get; }

        public bool Error { get; }

        public static XunitCapture Read(Compilation compilation)
        {
            var attributeTypes = TypeLookup.FindAll(compilation, Frameworks.XunitV3.CaptureConsoleAttribute!);
            if (attributeTypes.IsEmpty)
            {
                return default;
            }

            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                if (attribute.AttributeClass is null || !attributeTypes.Contains(attribute.AttributeClass.OriginalDefinition))
                {
                    continue;
                }

                bool captureOut = true, captureError = true;
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Value.Value is bool value)
                    {
                        if (named.Key == "CaptureOut")
                        {
                            captureOut = value;
                        }
                        else if (named.Key == "CaptureError")
                        {
                            captureError = value;
                        }
                    }
                }

                return new XunitCapture(captureOut, captureError);
            }

            return default;
        }
    }
}
