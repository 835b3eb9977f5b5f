using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.TestDoubles;

/// <summary>
/// TST2004: a Moq setup marked <c>.Verifiable()</c> in a test method whose mock is never verified:
/// no <c>mock.Verify()</c>/<c>VerifyAll()</c>, no <c>Verify()</c>/<c>VerifyAll()</c> of the
/// <c>MockRepository</c> that created it, no static <c>Mock.Verify(...)</c>/<c>Mock.VerifyAll(...)</c>
/// naming it. A local mock that leaves the test (passed to a method, stored, returned) may be verified
/// elsewhere and is not reported; a field mock counts as verified when a non-test member of the class
/// (teardown, <c>Dispose</c>, a helper) verifies it, or when the class holds a <c>MockRepository</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnverifiedVerifiableAnalyzer : TestSmellsAnalyzer
{
    /// <summary>Property with the expression that denotes the mock (<c>mock</c>, <c>_orders</c>, <c>Mock.Get(clock)</c>).</summary>
    public const string MockProperty = "Mock";

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST2004);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var compilation = context.Compilation;
        var mockTypes = TypeLookup.FindAll(compilation, Libraries.Moq.FactoryTypes.AddRange(Libraries.Moq.DoubleTypes));
        if (mockTypes.IsEmpty)
        {
            return;
        }

        var moq = new MoqSymbols(
            mockTypes,
            TypeLookup.FindAll(compilation, Libraries.Moq.FactoryTypes),
            TypeLookup.FindAll(compilation, Libraries.Moq.RepositoryTypes),
            TypeLookup.Find(compilation, "System.Linq.Expressions.Expression`1"));
        var verifiedInClass = new ConcurrentDictionary<INamedTypeSymbol, ConcurrentDictionary<ISymbol, bool>>(SymbolEqualityComparer.Default);

        context.RegisterOperationBlockAction(blockContext =>
        {
            if (blockContext.OwningSymbol is not IMethodSymbol method
                || !model.IsTestMethod(method)
                || blockContext.OperationBlocks.IsEmpty
                || !model.Words.MayName(blockContext.OperationBlocks, SourceWord.Verifiable)
                || MayAssertUnseen(method, blockContext, model))
            {
                // Only a file that names Verifiable can hold a verifiable setup; and a test with code that does
                // not bind may verify the mock in a call the model cannot see.
                return;
            }

            var facts = new MethodFacts();
            foreach (var operation in Operations(blockContext.OperationBlocks))
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        facts.Visit(invocation, moq);
                        break;
                    case ILocalReferenceOperation local when moq.IsMockOrRepository(local.Local.Type):
                        if (Escapes(local))
                        {
                            facts.Escaped.Add(local.Local);
                        }

                        break;
                    case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
                        facts.RecordOrigin(declarator.Symbol, value, moq);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        facts.RecordOrigin(target.Local, assignment.Value, moq);
                        break;
                }
            }

            if (facts.Verifiables.Count == 0 || facts.UnknownStaticVerify)
            {
                return;
            }

            foreach (var (verifiable, key, text) in facts.Verifiables)
            {
                if (IsVerified(key, facts, method, model, moq, verifiedInClass, blockContext.CancellationToken))
                {
                    continue;
                }

                blockContext.ReportDiagnostic(Diagnostic.Create(
                    Rules.TST2004,
                    VerifiableLocation(verifiable.Syntax),
                    ImmutableDictionary<string, string?>.Empty.Add(MockProperty, text),
                    text));
            }
        });
    }

    /// <summary>The test, or a helper it reaches, holds code that does not bind: it may verify the mock where the model cannot see.</summary>
    private static bool MayAssertUnseen(IMethodSymbol method, OperationBlockAnalysisContext context, TestCodeModel model)
    {
        var scope = model.Assertions.For(context.Options, context.OperationBlocks[0].Syntax.SyntaxTree);
        return TestChecks.MayAssertUnseen(method, context.OperationBlocks, scope);
    }

    private static IEnumerable<IOperation> Operations(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                yield return operation;
            }
        }
    }

    private static bool IsVerified(
        MockKey key,
        MethodFacts facts,
        IMethodSymbol method,
        TestCodeModel model,
        MoqSymbols moq,
        ConcurrentDictionary<INamedTypeSymbol, ConcurrentDictionary<ISymbol, bool>> verifiedInClass,
        CancellationToken cancellationToken)
    {
        if (facts.Verified.Contains(key))
        {
            return true;
        }

        switch (key.Symbol)
        {
            case ILocalSymbol local:
                if (facts.Escaped.Contains(local))
                {
                    return true;
                }

                if (!key.ViaMockGet && facts.Origins.TryGetValue(local, out var repository))
                {
                    // Created by a MockRepository: verified when the repository is.
                    return facts.Verified.Contains(new MockKey(repository, viaMockGet: false))
                        || (repository is ILocalSymbol repositoryLocal ? facts.Escaped.Contains(repositoryLocal)
                            : repository is IParameterSymbol
                            || VerifiedByClass(repository, method, model, moq, verifiedInClass, cancellationToken));
                }

                return false;
            case IFieldSymbol or IPropertySymbol:
                return VerifiedByClass(key.Symbol, method, model, moq, verifiedInClass, cancellationToken);
            default:
                // Parameters and anything else: created and verified by someone we cannot see.
                return true;
        }
    }

    /// <summary>
    /// Whether a field or property mock is verified by a non-test member of the test class or its
    /// base classes (teardown, Dispose, helpers), or may come from a repository the class holds.
    /// Syntax-only and memoized per class and member.
    /// </summary>
    private static bool VerifiedByClass(
        ISymbol member,
        IMethodSymbol method,
        TestCodeModel model,
        MoqSymbols moq,
        ConcurrentDictionary<INamedTypeSymbol, ConcurrentDictionary<ISymbol, bool>> verifiedInClass,
        CancellationToken cancellationToken)
    {
        var testClass = method.ContainingType;
        if (testClass is null)
        {
            return true;
        }

        var memo = verifiedInClass.GetOrAdd(testClass, _ => new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default));
        return memo.GetOrAdd(member, m => ComputeVerifiedByClass(m, testClass, model, moq, cancellationToken));
    }

    private static bool ComputeVerifiedByClass(ISymbol member, INamedTypeSymbol testClass, TestCodeModel model, MoqSymbols moq, CancellationToken cancellationToken)
    {
        var types = new List<INamedTypeSymbol>();
        for (var type = testClass; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            types.Add(type);
        }

        if (member.ContainingType is { } declaring && !types.Contains(declaring, SymbolEqualityComparer.Default))
        {
            types.Add(declaring);
        }

        foreach (var type in types)
        {
            foreach (var candidate in type.GetMembers())
            {
                var memberType = candidate switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };
                if (memberType is not null && TypeLookup.IsOrInheritsFrom(memberType, moq.Repositories)
                    && !SymbolEqualityComparer.Default.Equals(candidate, member))
                {
                    // The mock may have been created by this repository, verified in teardown.
                    return true;
                }

                if (candidate is not IMethodSymbol other || model.IsTestMethod(other))
                {
                    continue;
                }

                foreach (var reference in other.DeclaringSyntaxReferences)
                {
                    if (MentionsVerifyOf(reference.GetSyntax(cancellationToken), member.Name))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary><c>name.Verify(...)</c>, <c>this.name.VerifyAll()</c>, <c>Mock.Verify(..., name, ...)</c> in <paramref name="node"/>.</summary>
    private static bool MentionsVerifyOf(SyntaxNode node, string name)
    {
        foreach (var descendant in node.DescendantNodes())
        {
            if (descendant is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                || access.Name.Identifier.ValueText is not ("Verify" or "VerifyAll"))
            {
                continue;
            }

            if (NameOf(access.Expression) == name)
            {
                return true;
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (NameOf(argument.Expression) == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax, Name: var memberName } => memberName.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A local mock that leaves the method's hands: passed as an argument, stored, returned, put in a collection.</summary>
    private static bool Escapes(ILocalReferenceOperation reference)
    {
        IOperation current = reference;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            // Moq's own methods (Protected(), Mock.Verify(...)) do not keep the mock for a later verification.
            IArgumentOperation { Parent: IInvocationOperation invocation } => Libraries.ApiOf(invocation.TargetMethod.ContainingAssembly?.Name) != LibraryApi.Moq,
            IArgumentOperation => true,
            ISimpleAssignmentOperation assignment => assignment.Value == current,
            IVariableInitializerOperation => true,
            IReturnOperation => true,
            IArrayInitializerOperation => true,
            IAnonymousObjectCreationOperation => true,
            ITupleOperation => true,
            _ => false,
        };
    }

    private static Location VerifiableLocation(SyntaxNode syntax)
        => syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
            ? Location.Create(invocation.SyntaxTree, TextSpan.FromBounds(access.OperatorToken.SpanStart, invocation.Span.End))
            : syntax.GetLocation();

    /// <summary>A mock as the test names it: a variable, field, property or parameter, directly or through <c>Mock.Get(x)</c>.</summary>
    private readonly struct MockKey : IEquatable<MockKey>
    {
        public MockKey(ISymbol symbol, bool viaMockGet)
        {
            Symbol = symbol;
            ViaMockGet = viaMockGet;
        }

        public ISymbol Symbol { get; }

        public bool ViaMockGet { get; }

        public bool Equals(MockKey other) => ViaMockGet == other.ViaMockGet && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

        public override bool Equals(object? obj) => obj is MockKey other && Equals(other);

        public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(Symbol) * 397) ^ (ViaMockGet ? 1 : 0);
    }

    private sealed class MoqSymbols
    {
        public MoqSymbols(ImmutableHashSet<INamedTypeSymbol> mocks, ImmutableHashSet<INamedTypeSymbol> mockStatic, ImmutableHashSet<INamedTypeSymbol> repositories, INamedTypeSymbol? expression)
        {
            Mocks = mocks;
            MockStatic = mockStatic;
            Repositories = repositories;
            Expression = expression;
        }

        public ImmutableHashSet<INamedTypeSymbol> Mocks { get; }

        public ImmutableHashSet<INamedTypeSymbol> MockStatic { get; }

        public ImmutableHashSet<INamedTypeSymbol> Repositories { get; }

        public INamedTypeSymbol? Expression { get; }

        public bool IsMock(ITypeSymbol? type) => TypeLookup.IsOrInheritsFrom(type, Mocks);

        public bool IsMockOrRepository(ITypeSymbol? type) => IsMock(type) || TypeLookup.IsOrInheritsFrom(type, Repositories);

        public bool IsStaticVerify(IMethodSymbol method)
            => method.IsStatic && method.Name is "Verify" or "VerifyAll"
            && method.ContainingType is { } type && MockStatic.Contains(type.OriginalDefinition);

        public bool IsMockGet(IMethodSymbol method)
            => method.IsStatic && method.Name == "Get"
            && method.ContainingType is { } type && MockStatic.Contains(type.OriginalDefinition);

        /// <summary><c>Verify()</c>, <c>Verify(Times)</c>, <c>VerifyAll()</c>: not <c>Verify(x =&gt; x.Call())</c>, which checks one call only.</summary>
        public bool IsWholeMockVerify(IMethodSymbol method)
        {
            if (method.IsStatic || method.Name is not ("Verify" or "VerifyAll"))
            {
                return false;
            }

            if (method.Parameters.IsEmpty || method.Name == "VerifyAll")
            {
                return true;
            }

            return Expression is null
                || method.Parameters[0].Type is not INamedTypeSymbol first
                || !SymbolEqualityComparer.Default.Equals(first.OriginalDefinition, Expression);
        }
    }

    private sealed class MethodFacts
    {
        public List<(IInvocationOperation Verifiable, MockKey Key, string Text)> Verifiables { get; } = new();

        public HashSet<MockKey> Verified { get; } = new();

        public HashSet<ILocalSymbol> Escaped { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Local mocks created by a repository: local -> the repository's symbol.</summary>
        public Dictionary<ILocalSymbol, ISymbol> Origins { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>A static <c>Mock.Verify(array)</c> whose mocks cannot be told apart: everything may be verified.</summary>
        public bool UnknownStaticVerify { get; private set; }

        public void Visit(IInvocationOperation invocation, MoqSymbols moq)
        {
            var method = invocation.TargetMethod;
            if (Libraries.ApiOf(method.ContainingAssembly?.Name) != LibraryApi.Moq)
            {
                return;
            }

            switch (method.Name)
            {
                case "Verifiable":
                    if (FindMock(invocation, moq) is { } found)
                    {
                        Verifiables.Add((invocation, found.Key, found.Text));
                    }

                    break;
                case "Verify" or "VerifyAll" when moq.IsStaticVerify(method):
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                        {
                            foreach (var element in initializer.ElementValues)
                            {
                                AddVerified(element, moq);
                            }
                        }
                        else if (!moq.IsMock(SkipConversions(argument.Value).Type) || !AddVerified(argument.Value, moq))
                        {
                            UnknownStaticVerify = true;
                        }
                    }

                    break;
                case "Verify" or "VerifyAll" when moq.IsWholeMockVerify(method) && invocation.Instance is { } instance:
                    AddVerified(instance, moq);
                    break;
            }
        }

        public void RecordOrigin(ILocalSymbol local, IOperation value, MoqSymbols moq)
        {
            value = SkipConversions(value);
            if (value is IInvocationOperation { Instance: { } repository } invocation
                && invocation.TargetMethod.Name is "Create" or "Of" or "OneOf"
                && TypeLookup.IsOrInheritsFrom(repository.Type, moq.Repositories)
                && Key(repository, moq) is { } key)
            {
                Origins[local] = key.Symbol;
            }
        }

        private bool AddVerified(IOperation operation, MoqSymbols moq)
        {
            if (Key(operation, moq) is { } key)
            {
                Verified.Add(key);
                return true;
            }

            return false;
        }

        /// <summary>Walks <c>mock.Setup(...).Returns(...).Verifiable()</c> back to <c>mock</c>.</summary>
        private static (MockKey Key, string Text)? FindMock(IInvocationOperation verifiable, MoqSymbols moq)
        {
            IInvocationOperation current = verifiable;
            for (var depth = 0; depth < 32; depth++)
            {
                var receiver = current.Instance
                    ?? (current.TargetMethod.IsExtensionMethod && current.Arguments.Length > 0 ? current.Arguments[0].Value : null);
                if (receiver is null)
                {
                    return null;
                }

                receiver = SkipConversions(receiver);
                if (receiver is IInvocationOperation call && !moq.IsMockGet(call.TargetMethod))
                {
                    if (Libraries.ApiOf(call.TargetMethod.ContainingAssembly?.Name) != LibraryApi.Moq)
                    {
                        return null;
                    }

                    current = call;
                    continue;
                }

                return Key(receiver, moq) is { } key ? (key, Normalize(receiver.Syntax.ToString())) : null;
            }

            return null;
        }

        private static MockKey? Key(IOperation operation, MoqSymbols moq)
        {
            operation = SkipConversions(operation);
            if (operation is IInvocationOperation { Arguments.Length: 1 } get && moq.IsMockGet(get.TargetMethod))
            {
                return Symbol(get.Arguments[0].Value) is { } target ? new MockKey(target, viaMockGet: true) : null;
            }

            return Symbol(operation) is { } symbol ? new MockKey(symbol, viaMockGet: false) : null;
        }

        private static ISymbol? Symbol(IOperation operation)
            => SkipConversions(operation) switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
                IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property => property.Property,
                _ => null,
            };

        private static string Normalize(string text)
        {
            var builder = new System.Text.StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }

    private static IOperation SkipConversions(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
