using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Isolation;

/// <summary>
/// TST4005: test code binds a socket, listener or server to a constant, non-zero port, or, in a test
/// class that starts a listener or server itself, connects a client to a constant localhost port.
/// A URL used as data (a TestServer client's base address, an expected value) binds nothing and is
/// never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedPortAnalyzer : TestSmellsAnalyzer
{
    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST4005);

    private static readonly string[] HttpClientCalls =
    {
        "GetAsync", "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync",
    };

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var compilation = context.Compilation;
        var types = new Types(
            TypeLookup.Find(compilation, "System.Net.IPEndPoint"),
            TypeLookup.Find(compilation, "System.Net.IPAddress"),
            TypeLookup.Find(compilation, "System.Net.Sockets.TcpListener"),
            TypeLookup.Find(compilation, "System.Net.Sockets.TcpClient"),
            TypeLookup.Find(compilation, "System.Net.Sockets.UdpClient"),
            TypeLookup.Find(compilation, "System.Net.Sockets.Socket"),
            TypeLookup.Find(compilation, "System.Net.HttpListenerPrefixCollection"),
            TypeLookup.Find(compilation, "Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions"),
            TypeLookup.Find(compilation, "Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions"),
            TypeLookup.Find(compilation, "Microsoft.AspNetCore.Builder.WebApplication"),
            TypeLookup.Find(compilation, "System.Net.Http.HttpClient"),
            TypeLookup.Find(compilation, "System.Uri"));
        if (!types.CanBind)
        {
            return;
        }

        context.RegisterSymbolStartAction(
            symbolStart =>
            {
                var type = (INamedTypeSymbol)symbolStart.Symbol;
                if (!model.IsTestCode(type) || !WritesNetworkCode(type, model))
                {
                    return;
                }

                var findings = new ClassFindings();
                symbolStart.RegisterOperationAction(
                    operationContext => Analyze(operationContext, model, types, findings),
                    OperationKind.ObjectCreation,
                    OperationKind.Invocation,
                    OperationKind.SimpleAssignment);
                symbolStart.RegisterSymbolEndAction(
                    symbolEnd =>
                    {
                        if (Volatile.Read(ref findings.Binds) == 0)
                        {
                            return;
                        }

                        foreach (var connect in findings.Connects)
                        {
                            symbolEnd.ReportDiagnostic(connect);
                        }
                    });
            },
            SymbolKind.NamedType);
    }

    /// <summary>
    /// Every bind and connect the rule reports names a socket API, a URL or a loopback host in the
    /// source: a class whose files write none of them registers no per-call work (most test classes).
    /// </summary>
    private static bool WritesNetworkCode(INamedTypeSymbol type, TestCodeModel model)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (model.Words.MayName(reference.SyntaxTree, SourceWord.Network))
            {
                return true;
            }
        }

        return false;
    }

    private static void Analyze(OperationAnalysisContext context, TestCodeModel model, Types types, ClassFindings findings)
    {
        var operation = context.Operation;
        if (!MayMatter(operation, types) || !model.IsTestCode(context.ContainingSymbol) || ExpressionTrees.IsInExpressionTree(operation))
        {
            return;
        }

        switch (operation)
        {
            case IObjectCreationOperation creation:
                AnalyzeCreation(context, creation, types, findings);
                break;
            case IInvocationOperation invocation:
                AnalyzeInvocation(context, invocation, types, findings);
                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "BaseAddress" } property } assignment
                when types.HttpClient is not null && IsType(property.Property.ContainingType, types.HttpClient):
                ConnectUrl(context, assignment.Value, "HttpClient.BaseAddress", types, findings);
                break;
        }
    }

    /// <summary>The cheap filter, by name and type, run on every creation, call and assignment of a test class.</summary>
    private static bool MayMatter(IOperation operation, Types types)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation:
                return IsType(creation.Type, types.TcpListener) || IsType(creation.Type, types.UdpClient) || IsType(creation.Type, types.TcpClient);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                return method.Name switch
                {
                    "Bind" or "Listen" or "ListenLocalhost" or "ListenAnyIP" or "UseUrls" or "Connect" or "ConnectAsync" => true,
                    "Create" => IsType(method.ContainingType, types.TcpListener),
                    "Run" or "RunAsync" => IsType(method.ContainingType, types.WebApplication),
                    "Add" => IsType(method.ContainingType, types.HttpListenerPrefixCollection)
                        || invocation.Instance is IPropertyReferenceOperation { Property.Name: "Urls" },
                    _ => types.HttpClient is not null && Array.IndexOf(HttpClientCalls, method.Name) >= 0,
                };
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "BaseAddress" } }:
                return true;
            default:
                return false;
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, IObjectCreationOperation creation, Types types, ClassFindings findings)
    {
        var type = creation.Type;
        if (IsType(type, types.TcpListener))
        {
            Bind(context, creation.Arguments, "new TcpListener", types, findings);
        }
        else if (IsType(type, types.UdpClient))
        {
            if (Parameter(creation.Arguments, "hostname") is not null)
            {
                ConnectHostAndPort(context, creation.Arguments, "new UdpClient", types, findings);
            }
            else if (!creation.Arguments.IsEmpty)
            {
                Bind(context, creation.Arguments, "new UdpClient", types, findings);
            }
        }
        else if (IsType(type, types.TcpClient))
        {
            if (Parameter(creation.Arguments, "localEP") is not null)
            {
                Bind(context, creation.Arguments, "new TcpClient", types, findings);
            }
            else
            {
                ConnectHostAndPort(context, creation.Arguments, "new TcpClient", types, findings);
            }
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, Types types, ClassFindings findings)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        switch (method.Name)
        {
            case "Bind" when IsType(type, types.Socket):
                Bind(context, invocation.Arguments, "Socket.Bind", types, findings);
                break;
            case "Create" when IsType(type, types.TcpListener):
                Bind(context, invocation.Arguments, "TcpListener.Create", types, findings);
                break;
            case "Listen" or "ListenLocalhost" or "ListenAnyIP" when IsType(type, types.KestrelServerOptions):
                Bind(context, invocation.Arguments, method.Name, types, findings);
                break;
            case "Add" when IsType(type, types.HttpListenerPrefixCollection):
                BindUrls(context, invocation.Arguments, "HttpListener prefix", findings);
                break;
            case "Add" when invocation.Instance is IPropertyReferenceOperation { Property.Name: "Urls" } urls
                && IsType(urls.Property.ContainingType, types.WebApplication):
                BindUrls(context, invocation.Arguments, "WebApplication.Urls", findings);
                break;
            case "Run" or "RunAsync" when IsType(type, types.WebApplication):
                BindUrls(context, invocation.Arguments, "WebApplication." + method.Name, findings);
                break;
            case "UseUrls" when IsType(type, types.WebHostBuilderExtensions):
                BindUrls(context, invocation.Arguments, "UseUrls", findings);
                break;
            case "Connect" or "ConnectAsync" when IsType(type, types.Socket) || IsType(type, types.TcpClient) || IsType(type, types.UdpClient):
                ConnectHostAndPort(context, invocation.Arguments, type!.Name + "." + method.Name, types, findings);
                break;
            default:
                if (types.HttpClient is not null && IsType(type, types.HttpClient) && Array.IndexOf(HttpClientCalls, method.Name) >= 0
                    && Parameter(invocation.Arguments, "requestUri") is { } requestUri)
                {
                    ConnectUrl(context, requestUri.Value, "HttpClient." + method.Name, types, findings);
                }

                break;
        }
    }

    /// <summary>A bind: reports a constant non-zero port (direct, or in an <c>IPEndPoint</c> built in place or in a local).</summary>
    private static void Bind(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, string name, Types types, ClassFindings findings)
    {
        Interlocked.Increment(ref findings.Binds);
        if (Parameter(arguments, "port") is { } port)
        {
            ReportPort(context, port.Value, name, null);
            return;
        }

        foreach (var argument in arguments)
        {
            if (EndPoint(argument.Value, types) is { } endPoint && Parameter(endPoint.Arguments, "port") is { } endPointPort)
            {
                ReportPort(context, endPointPort.Value, name, null);
                return;
            }
        }
    }

    private static void BindUrls(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, string name, ClassFindings findings)
    {
        Interlocked.Increment(ref findings.Binds);
        foreach (var argument in arguments)
        {
            var value = Strip(argument.Value);
            if (argument.ArgumentKind == ArgumentKind.ParamArray && value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    ReportUrl(context, element, name, requireLocalHost: false, null);
                }
            }
            else
            {
                ReportUrl(context, value, name, requireLocalHost: false, null);
            }
        }
    }

    /// <summary>A client connection to <c>(host, port)</c>, <c>(IPAddress, port)</c> or an <c>IPEndPoint</c> on this machine.</summary>
    private static void ConnectHostAndPort(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, string name, Types types, ClassFindings findings)
    {
        if (Parameter(arguments, "port") is { } port)
        {
            var host = Parameter(arguments, "hostname") ?? Parameter(arguments, "host") ?? Parameter(arguments, "address");
            if (host is not null && IsLocalHost(host.Value, types))
            {
                ReportPort(context, port.Value, name, findings);
            }

            return;
        }

        foreach (var argument in arguments)
        {
            if (EndPoint(argument.Value, types) is { } endPoint
                && Parameter(endPoint.Arguments, "address") is { } address && IsLocalHost(address.Value, types)
                && Parameter(endPoint.Arguments, "port") is { } endPointPort)
            {
                ReportPort(context, endPointPort.Value, name, findings);
                return;
            }
        }
    }

    private static void ConnectUrl(OperationAnalysisContext context, IOperation value, string name, Types types, ClassFindings findings)
    {
        value = Strip(value);
        if (value is IObjectCreationOperation creation && IsType(creation.Type, types.Uri) && creation.Arguments.Length >= 1)
        {
            value = Strip(creation.Arguments[0].Value);
        }

        ReportUrl(context, value, name, requireLocalHost: true, findings);
    }

    private static void ReportPort(OperationAnalysisContext context, IOperation port, string name, ClassFindings? deferred)
    {
        if (port.ConstantValue is { HasValue: true, Value: int number } && number != 0)
        {
            Report(context, port, name, number, deferred);
        }
    }

    private static void ReportUrl(OperationAnalysisContext context, IOperation value, string name, bool requireLocalHost, ClassFindings? deferred)
    {
        if (value.ConstantValue is not { HasValue: true, Value: string text })
        {
            return;
        }

        // UseUrls and the ASPNETCORE_URLS syntax accept several URLs separated by ';'.
        foreach (var url in text.Split(';'))
        {
            if (UrlPort(url.Trim(), out var host) is { } number && number != 0
                && (!requireLocalHost || host is "localhost" or "127.0.0.1" or "[::1]" or "0.0.0.0"))
            {
                Report(context, value, name, number, deferred);
                return;
            }
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation at, string name, int port, ClassFindings? deferred)
    {
        var diagnostic = Diagnostic.Create(Rules.TST4005, at.Syntax.GetLocation(), name, port.ToString(CultureInfo.InvariantCulture));
        if (deferred is null)
        {
            context.ReportDiagnostic(diagnostic);
        }
        else
        {
            deferred.Connects.Add(diagnostic);
        }
    }

    /// <summary>The explicit port of <c>scheme://host:port/...</c>, or null when the URL names none.</summary>
    internal static int? UrlPort(string url, out string host)
    {
        host = string.Empty;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var start = schemeEnd + 3;
        var end = url.IndexOf('/', start);
        var authority = (end < 0 ? url.Substring(start) : url.Substring(start, end - start)).ToLowerInvariant();
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority.Substring(at + 1);
        }

        var colon = authority.LastIndexOf(':');
        if (colon < 0 || authority.IndexOf(']', colon) >= 0)
        {
            return null;
        }

        host = authority.Substring(0, colon);
        var digits = authority.Substring(colon + 1);
        return digits.Length is > 0 and <= 5 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : null;
    }

    /// <summary><c>new IPEndPoint(...)</c> passed in place, or held by a local assigned once.</summary>
    private static IObjectCreationOperation? EndPoint(IOperation value, Types types)
    {
        value = Strip(value);
        if (value is ILocalReferenceOperation local)
        {
            value = SingleAssignmentLocals.Of(value).ValueOf(local.Local) is { } initializer ? Strip(initializer) : value;
        }

        return value is IObjectCreationOperation creation && IsType(creation.Type, types.IPEndPoint) ? creation : null;
    }

    private static bool IsLocalHost(IOperation value, Types types)
    {
        value = Strip(value);
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return text is "localhost" or "127.0.0.1" or "::1" or "[::1]";
        }

        if (value is IFieldReferenceOperation { Field: { IsStatic: true, Name: "Loopback" or "IPv6Loopback" } field }
            && IsType(field.ContainingType, types.IPAddress))
        {
            return true;
        }

        return value is IInvocationOperation { TargetMethod.Name: "Parse", Arguments.Length: 1 } parse
            && IsType(parse.TargetMethod.ContainingType, types.IPAddress)
            && parse.Arguments[0].Value.ConstantValue is { HasValue: true, Value: "127.0.0.1" or "::1" };
    }

    private static IArgumentOperation? Parameter(ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    private static IOperation Strip(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    value = parenthesized.Operand;
                    continue;
                default:
                    return value;
            }
        }
    }

    private static bool IsType(ITypeSymbol? type, INamedTypeSymbol? expected)
        => type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>What one test class does: how many binds, and the client connections reported only when it binds.</summary>
    private sealed class ClassFindings
    {
        public int Binds;
        public readonly ConcurrentBag<Diagnostic> Connects = new();
    }

    private sealed class Types
    {
        public Types(
            INamedTypeSymbol? ipEndPoint,
            INamedTypeSymbol? ipAddress,
            INamedTypeSymbol? tcpListener,
            INamedTypeSymbol? tcpClient,
            INamedTypeSymbol? udpClient,
            INamedTypeSymbol? socket,
            INamedTypeSymbol? httpListenerPrefixCollection,
            INamedTypeSymbol? kestrelServerOptions,
            INamedTypeSymbol? webHostBuilderExtensions,
            INamedTypeSymbol? webApplication,
            INamedTypeSymbol? httpClient,
            INamedTypeSymbol? uri)
        {
            IPEndPoint = ipEndPoint;
            IPAddress = ipAddress;
            TcpListener = tcpListener;
            TcpClient = tcpClient;
            UdpClient = udpClient;
            Socket = socket;
            HttpListenerPrefixCollection = httpListenerPrefixCollection;
            KestrelServerOptions = kestrelServerOptions;
            WebHostBuilderExtensions = webHostBuilderExtensions;
            WebApplication = webApplication;
            HttpClient = httpClient;
            Uri = uri;
        }

        public INamedTypeSymbol? IPEndPoint { get; }
        public INamedTypeSymbol? IPAddress { get; }
        public INamedTypeSymbol? TcpListener { get; }
        public INamedTypeSymbol? TcpClient { get; }
        public INamedTypeSymbol? UdpClient { get; }
        public INamedTypeSymbol? Socket { get; }
        public INamedTypeSymbol? HttpListenerPrefixCollection { get; }
        public INamedTypeSymbol? KestrelServerOptions { get; }
        public INamedTypeSymbol? WebHostBuilderExtensions { get; }
        public INamedTypeSymbol? WebApplication { get; }
        public INamedTypeSymbol? HttpClient { get; }
        public INamedTypeSymbol? Uri { get; }

        /// <summary>False when the compilation has none of the APIs that bind a port.</summary>
        public bool CanBind => TcpListener is not null || UdpClient is not null || Socket is not null || HttpListenerPrefixCollection is not null
            || KestrelServerOptions is not null || WebHostBuilderExtensions is not null || WebApplication is not null;
    }
}
