using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Isolation;

/// <summary>
/// TST4001: a static field or auto-property of a test class (or of a base class of test classes)
/// that is mutable state shared by its tests: not read-only, or read-only but a mutable collection
/// that the class's code modifies outside one-time initialization.
/// </summary>
/// <remarks>
/// Not reported: constants; read-only members that are never modified; members named by a
/// test-data attribute (MemberData, TestCaseSource, ValueSource, TestFixtureSource, DynamicData,
/// MethodDataSource); members assigned only in the framework's one-time hooks (MSTest
/// ClassInitialize/AssemblyInitialize and their cleanups, NUnit OneTimeSetUp/OneTimeTearDown, TUnit
/// Before/After hooks of a class, assembly or session), which cannot be read-only because the hook is
/// a method; <c>ThreadLocal</c>/<c>AsyncLocal</c>/<c>[ThreadStatic]</c> members (per-thread or
/// per-flow by design); members of nested types (fakes).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SharedStaticStateAnalyzer : TestSmellsAnalyzer
{
    private static readonly ImmutableHashSet<string> DataSourceAttributeNames = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "MemberDataAttribute",
        "MemberDataAttributeBase",
        "TestCaseSourceAttribute",
        "ValueSourceAttribute",
        "TestFixtureSourceAttribute",
        "DynamicDataAttribute",
        "MethodDataSourceAttribute",
        "InstanceMethodDataSourceAttribute");

    private static readonly ImmutableHashSet<string> Mutators = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveWhere",
        "Clear", "Push", "PushRange", "Pop", "Enqueue", "Dequeue", "TryAdd", "TryRemove", "TryUpdate", "AddOrUpdate",
        "TryTake", "TryDequeue", "TryPop", "Sort", "Reverse", "UnionWith", "IntersectWith", "ExceptWith",
        "SymmetricExceptWith", "AddFirst", "AddLast", "AddBefore", "AddAfter", "RemoveFirst", "RemoveLast",
        "Fill");

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST4001);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var types = new KnownTypes(context.Compilation, (model.Frameworks & Frameworks.Xunit) != 0);

        // Per class: the few classes that declare a candidate (most declare none) register a callback for
        // field and property references, which classifies the references to a candidate and leaves the rest
        // at a dictionary miss; the decision is made when the class and its members are done. The operation
        // trees are the compiler's (built once for every analyzer that looks at code), so nothing is bound
        // on this rule's account. (Searching the class's syntax for the candidates' names and binding the
        // writes cost more on real suites: each write bound the whole method around it.)
        context.RegisterSymbolStartAction(
            symbolStart =>
            {
                var type = (INamedTypeSymbol)symbolStart.Symbol;
                if (type.TypeKind != TypeKind.Class || !model.IsTestCode(type))
                {
                    return;
                }

                var candidates = FindCandidates(type, types);
                if (candidates.Count == 0)
                {
                    return;
                }

                var usage = new Dictionary<ISymbol, Usage>(SymbolEqualityComparer.Default);
                symbolStart.RegisterOperationAction(
                    operationContext =>
                    {
                        var operation = operationContext.Operation;
                        var member = operation switch
                        {
                            IFieldReferenceOperation field => (ISymbol)field.Field.OriginalDefinition,
                            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
                            _ => null,
                        };
                        if (member is null || !candidates.TryGetValue(member, out var candidate))
                        {
                            return;
                        }

                        var flags = Flags(operation, member, candidate, operationContext.ContainingSymbol, types);
                        if (flags == Usage.None)
                        {
                            return;
                        }

                        lock (usage)
                        {
                            usage[member] = usage.TryGetValue(member, out var old) ? old | flags : flags;
                        }
                    },
                    OperationKind.FieldReference,
                    OperationKind.PropertyReference);
                symbolStart.RegisterSymbolEndAction(symbolEnd =>
                {
                    lock (usage)
                    {
                        AddNestedUsage(type, candidates, types, symbolEnd.Compilation, usage, symbolEnd.CancellationToken);
                        Report(symbolEnd, candidates, usage);
                    }
                });
            },
            SymbolKind.NamedType);
    }

    private static void Report(SymbolAnalysisContext context, Dictionary<ISymbol, Candidate> candidates, Dictionary<ISymbol, Usage> usage)
    {
        foreach (var pair in candidates)
        {
            var candidate = pair.Value;
            usage.TryGetValue(pair.Key, out var seen);
            string? why = null;
            if ((seen & Usage.ResetPerTest) != 0)
            {
                // Assigned afresh before every test (NUnit SetUp, MSTest TestInitialize, a TUnit
                // per-test hook, the constructor or InitializeAsync of an xUnit class): no test
                // starts from what another left behind.
                continue;
            }

            if ((seen & Usage.ContentModified) != 0)
            {
                why = "is a collection that tests modify";
            }
            else if (candidate.IsSettable
                && ((seen & Usage.Reassigned) != 0 || (candidate.IsWritableOutside && (seen & Usage.ReassignedOnce) == 0)))
            {
                // Reassigned by the class's code outside one-time set-up, or settable from other
                // classes that this rule cannot see. A private member that only its initializer
                // (or a one-time hook, or a lazy initialization) sets is a value that happens to
                // lack 'readonly', not state that tests share.
                why = "is not read-only";
            }

            if (why is not null && candidate.Location is { } location)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.TST4001,
                    location,
                    pair.Key is IFieldSymbol ? "field" : "property",
                    pair.Key.Name,
                    why));
            }
        }
    }

    /// <summary>
    /// How one reference uses a candidate: reassigned, reassigned once (one-time hook, static
    /// constructor, lazy initialization, run-once flag), reset before every test, or its content modified.
    /// <paramref name="owner"/> is the member whose code holds the reference (lambdas and local functions
    /// belong to their member).
    /// </summary>
    private static Usage Flags(IOperation operation, ISymbol member, Candidate candidate, ISymbol? owner, KnownTypes types)
    {
        var found = Classify(operation, candidate.IsCollection, types);
        if (found == Usage.None)
        {
            return Usage.None;
        }

        var once = types.IsOneTimeHook(owner)
            || owner is IMethodSymbol { MethodKind: MethodKind.StaticConstructor }
            || (found == Usage.Reassigned && (IsLazyInitialization(operation, member) || IsSetToTrue(operation)));
        return found switch
        {
            Usage.Reassigned when !once && types.IsPerTestSetUp(owner) && IsFreshAssignment(operation, member) => Usage.ResetPerTest,
            Usage.Reassigned => once ? Usage.ReassignedOnce : Usage.Reassigned,
            _ => once || IsInitialization(owner) ? Usage.None : Usage.ContentModified,
        };
    }

    /// <summary>
    /// The references to the candidates from the class's nested types (fakes and jobs the tests run often
    /// write the outer class's statics), which the class's own operation callbacks do not see: their syntax is
    /// searched for the candidates' names, and only the references that can modify one are bound.
    /// </summary>
    private static void AddNestedUsage(
        INamedTypeSymbol type,
        Dictionary<ISymbol, Candidate> candidates,
        KnownTypes types,
        Compilation compilation,
        Dictionary<ISymbol, Usage> usage,
        CancellationToken cancellationToken)
    {
        if (type.GetTypeMembers().IsEmpty)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in candidates.Keys)
        {
            names.Add(member.Name);
        }

        foreach (var nestedType in type.GetTypeMembers())
        {
            foreach (var reference in nestedType.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                SemanticModel? semanticModel = null;
                foreach (var node in declaration.DescendantNodes())
                {
                    if (node is not IdentifierNameSyntax identifier || !names.Contains(identifier.Identifier.ValueText))
                    {
                        continue;
                    }

                    var expression = identifier.Parent switch
                    {
                        MemberAccessExpressionSyntax access when access.Name == identifier => (ExpressionSyntax)access,
                        MemberBindingExpressionSyntax binding when binding.Name == identifier => binding,
                        _ => identifier,
                    };
                    if (!MayModify(expression))
                    {
                        // A read: Flags would find nothing, and binding it would bind the whole member it is in.
                        continue;
                    }

#pragma warning disable RS1030 // Only the writes of a nested type to the class's few candidates are bound, once per class.
                    semanticModel ??= compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
                    var operation = semanticModel.GetOperation(expression, cancellationToken);
                    var member = operation switch
                    {
                        IFieldReferenceOperation field => (ISymbol)field.Field.OriginalDefinition,
                        IPropertyReferenceOperation property => property.Property.OriginalDefinition,
                        _ => null,
                    };
                    if (member is null || !candidates.TryGetValue(member, out var candidate))
                    {
                        continue;
                    }

                    var flags = Flags(operation!, member, candidate, Owner(expression, semanticModel, cancellationToken), types);
                    if (flags != Usage.None)
                    {
                        usage[member] = usage.TryGetValue(member, out var old) ? old | flags : flags;
                    }
                }
            }
        }
    }

    /// <summary>
    /// False when the syntax around <paramref name="expression"/> shows a plain read, which
    /// <see cref="Classify"/> never counts: only an assignment target, an increment or decrement, a
    /// ref/out argument, a tuple element (a deconstruction target), the receiver of a call named like a
    /// mutator, an argument of such a call (or of Array.Copy), and the receiver of an indexer or element
    /// write can modify the member or its content. Only those are bound: a class's code mostly reads
    /// its statics, and binding a reference binds the whole method around it.
    /// </summary>
    private static bool MayModify(ExpressionSyntax expression)
    {
        SyntaxNode node = expression;
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax || parent.IsKind(SyntaxKind.SuppressNullableWarningExpression))
        {
            node = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case AssignmentExpressionSyntax assignment:
                return assignment.Left == node;
            case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                return parent.RawKind is (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression
                    or (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression;
            case ArgumentSyntax argument:
                return !argument.RefKindKeyword.IsKind(SyntaxKind.None)
                    || argument.Parent is TupleExpressionSyntax
                    || (argument.Parent?.Parent is InvocationExpressionSyntax call && IsMutatorOrCopy(InvokedName(call)));
            case MemberAccessExpressionSyntax access when access.Expression == node:
                return access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access
                    && Mutators.Contains(access.Name.Identifier.ValueText);
            case ElementAccessExpressionSyntax element when element.Expression == node:
                return MayModify(element);
        }

        return false;
    }

    private static bool IsMutatorOrCopy(string? name) => name is not null && (Mutators.Contains(name) || name is "Copy" or "ConstrainedCopy");

    private static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The member whose code holds <paramref name="node"/>: a method, constructor, accessor, field or property (lambdas and local functions belong to their member).</summary>
    private static ISymbol? Owner(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax or EventDeclarationSyntax:
                    return semanticModel.GetDeclaredSymbol(current, cancellationToken);
                case VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } declarator:
                    return semanticModel.GetDeclaredSymbol(declarator, cancellationToken);
                case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property }:
                    // 'static int X => ...': the getter's code.
                    return (semanticModel.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod;
                case BaseTypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    [Flags]
    private enum Usage
    {
        None = 0,

        /// <summary>Assigned (or incremented, or passed by reference) outside the one-time hooks.</summary>
        Reassigned = 1,

        /// <summary>Assigned in a one-time hook (ClassInitialize, OneTimeSetUp, ...).</summary>
        ReassignedOnce = 2,

        /// <summary>Its collection content is changed outside initialization.</summary>
        ContentModified = 4,

        /// <summary>Assigned in a per-test set-up (reset before every test).</summary>
        ResetPerTest = 8,
    }

    private sealed class Candidate
    {
        public Candidate(bool isSettable, bool isWritableOutside, bool isCollection, Location? location)
        {
            IsSettable = isSettable;
            IsWritableOutside = isWritableOutside;
            IsCollection = isCollection;
            Location = location;
        }

        public bool IsSettable { get; }

        /// <summary>Settable by code outside the class (not private): writes there cannot be seen from here.</summary>
        public bool IsWritableOutside { get; }

        public bool IsCollection { get; }

        public Location? Location { get; }
    }

    /// <summary>The static fields and auto-properties of <paramref name="type"/> that could be shared mutable state.</summary>
    private static Dictionary<ISymbol, Candidate> FindCandidates(INamedTypeSymbol type, KnownTypes types)
    {
        var candidates = new Dictionary<ISymbol, Candidate>(SymbolEqualityComparer.Default);
        HashSet<string>? dataSources = null;
        foreach (var member in type.GetMembers())
        {
            switch (member)
            {
                case IFieldSymbol { IsStatic: true, IsConst: false, IsImplicitlyDeclared: false } field
                    when !types.IsPerThreadOrFlow(field.Type) && !types.IsThreadStatic(field):
                    Add(field, field.Type, isSettable: !field.IsReadOnly, isWritableOutside: !field.IsReadOnly && IsForDerivedClasses(field.DeclaredAccessibility));
                    break;
                case IFieldSymbol { IsStatic: true, IsImplicitlyDeclared: true, AssociatedSymbol: IPropertySymbol property }
                    when !types.IsPerThreadOrFlow(property.Type):
                    // The backing field of an auto-property: the property is the candidate.
                    Add(
                        property,
                        property.Type,
                        isSettable: property.SetMethod is not null,
                        isWritableOutside: property.SetMethod is { } setter && IsForDerivedClasses(setter.DeclaredAccessibility));
                    break;
            }
        }

        return candidates;

        void Add(ISymbol member, ITypeSymbol memberType, bool isSettable, bool isWritableOutside)
        {
            var isCollection = types.IsMutableCollection(memberType);
            if (!isSettable && !isCollection)
            {
                return;
            }

            dataSources ??= DataSourceNames(type);
            if (dataSources.Contains(member.Name))
            {
                return;
            }

            var location = member.DeclaringSyntaxReferences.Length > 0
                ? Location.Create(member.DeclaringSyntaxReferences[0].SyntaxTree, member.DeclaringSyntaxReferences[0].Span)
                : null;
            candidates[member.OriginalDefinition] = new Candidate(isSettable, isWritableOutside, isCollection, location);
        }
    }

    /// <summary>
    /// Protected members are meant for derived test classes to set, which this class cannot see. Public
    /// and internal statics that the class never writes are read-only in practice (labelled on real
    /// suites: test data such as <c>public static Incident Incident = new()</c>).
    /// </summary>
    private static bool IsForDerivedClasses(Accessibility accessibility)
        => accessibility is Accessibility.Protected or Accessibility.ProtectedOrInternal or Accessibility.ProtectedAndInternal;

    /// <summary>The member names that test-data attributes of the type, its members and their parameters name.</summary>
    private static HashSet<string> DataSourceNames(INamedTypeSymbol type)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(type.GetAttributes());
        foreach (var member in type.GetMembers())
        {
            Collect(member.GetAttributes());
            if (member is IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    Collect(parameter.GetAttributes());
                }
            }
        }

        return names;

        void Collect(ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                if (!IsDataSource(attribute.AttributeClass))
                {
                    continue;
                }

                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Kind == TypedConstantKind.Primitive && argument.Value is string name)
                    {
                        names.Add(name);
                    }
                }
            }
        }
    }

    private static bool IsDataSource(INamedTypeSymbol? attributeClass)
    {
        for (var current = attributeClass; current is not null; current = current.BaseType)
        {
            if (DataSourceAttributeNames.Contains(current.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A write that only happens while the member is still unset: <c>_server ??= Start()</c>, or an
    /// assignment under <c>if (_server == null)</c> / <c>if (_server is null)</c> (a lazily created,
    /// shared fixture or cache).
    /// </summary>
    private static bool IsLazyInitialization(IOperation reference, ISymbol member)
    {
        if (reference.Parent is ICoalesceAssignmentOperation coalesce && ReferenceEquals(coalesce.Target, reference))
        {
            return true;
        }

        if (reference.Parent is not ISimpleAssignmentOperation assignment || !ReferenceEquals(assignment.Target, reference))
        {
            return false;
        }

        for (var current = assignment.Parent; current is not null; current = current.Parent)
        {
            if (current is IConditionalOperation conditional)
            {
                if (IsNullCheckOf(conditional.Condition, member) && !IsInside(assignment, conditional.WhenFalse))
                {
                    return true;
                }
            }
            else if (current is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyBaseOperation)
            {
                break;
            }
        }

        return false;
    }

    /// <summary><c>_server = new Server()</c>: a plain assignment whose value does not read the member (not <c>_runs = _runs + 1</c>).</summary>
    private static bool IsFreshAssignment(IOperation reference, ISymbol member)
    {
        if (reference.Parent is not ISimpleAssignmentOperation assignment || !ReferenceEquals(assignment.Target, reference))
        {
            return false;
        }

        foreach (var operation in assignment.Value.DescendantsAndSelf())
        {
            if (IsMember(operation, member))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>_created = true</c>: a run-once flag (set, never cleared) guarding one-time work.</summary>
    private static bool IsSetToTrue(IOperation reference)
        => reference.Parent is ISimpleAssignmentOperation { Value.ConstantValue: { HasValue: true, Value: true } } assignment
            && ReferenceEquals(assignment.Target, reference);

    private static bool IsInside(IOperation operation, IOperation? container)
    {
        if (container is null)
        {
            return false;
        }

        for (var current = operation; current is not null; current = current.Parent)
        {
            if (ReferenceEquals(current, container))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>member == null</c>, <c>null == member</c> or <c>member is null</c> (alone or in a <c>&amp;&amp;</c>/<c>||</c> chain).</summary>
    private static bool IsNullCheckOf(IOperation condition, ISymbol member)
    {
        switch (condition)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } chain:
                return IsNullCheckOf(chain.LeftOperand, member) || IsNullCheckOf(chain.RightOperand, member);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                return IsMemberAndNull(equals.LeftOperand, equals.RightOperand, member) || IsMemberAndNull(equals.RightOperand, equals.LeftOperand, member);
            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var value } } pattern:
                return IsNull(value) && IsMember(pattern.Value, member);
        }

        return false;
    }

    private static bool IsMemberAndNull(IOperation operand, IOperation other, ISymbol member) => IsMember(operand, member) && IsNull(other);

    private static bool IsNull(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };
    }

    private static bool IsMember(IOperation operation, ISymbol member)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        var referenced = operation switch
        {
            IFieldReferenceOperation field => (ISymbol)field.Field.OriginalDefinition,
            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
            _ => null,
        };
        return SymbolEqualityComparer.Default.Equals(referenced, member);
    }

    /// <summary>Initialization that runs once, before any test: a static constructor or a member initializer.</summary>
    private static bool IsInitialization(ISymbol? owner)
        => owner is IMethodSymbol { MethodKind: MethodKind.StaticConstructor } or IFieldSymbol or IPropertySymbol;

    /// <summary>How the reference uses the member: reassigned, its collection content changed, or only read.</summary>
    private static Usage Classify(IOperation reference, bool isCollection, KnownTypes types)
    {
        if (IsWriteTarget(reference))
        {
            return Usage.Reassigned;
        }

        if (!isCollection)
        {
            return Usage.None;
        }

        var parent = reference.Parent;
        var value = reference;
        while (parent is IConversionOperation { IsImplicit: true } conversion)
        {
            // int[] passed as Array, List<T> passed as IList<T>.
            value = conversion;
            parent = conversion.Parent;
        }

        switch (parent)
        {
            case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, value):
                return Mutators.Contains(invocation.TargetMethod.Name) ? Usage.ContentModified : Usage.None;
            case IArgumentOperation { Parent: IInvocationOperation call } argument:
                // Extension methods on the collection and Array.Clear/Fill/Sort/Reverse/Copy(..., target, ...).
                var method = call.TargetMethod;
                if (!Mutators.Contains(method.Name) && !(method.Name is "Copy" or "ConstrainedCopy"))
                {
                    return Usage.None;
                }

                if (method.IsExtensionMethod)
                {
                    // LINQ's Reverse, Append and friends return a new sequence.
                    return argument.Parameter?.Ordinal == 0 && method.ContainingNamespace?.ToDisplayString() != "System.Linq"
                        ? Usage.ContentModified
                        : Usage.None;
                }

                return types.IsArrayType(method.ContainingType)
                    && (argument.Parameter?.Ordinal == 0 && method.Name is not ("Copy" or "ConstrainedCopy")
                        || argument.Parameter?.Name == "destinationArray")
                    ? Usage.ContentModified
                    : Usage.None;
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when ReferenceEquals(indexer.Instance, value):
                return IsWriteTarget(indexer) ? Usage.ContentModified : Usage.None;
            case IArrayElementReferenceOperation element when ReferenceEquals(element.ArrayReference, value):
                return IsWriteTarget(element) ? Usage.ContentModified : Usage.None;
        }

        return Usage.None;
    }

    /// <summary>True when <paramref name="operation"/> is written: assigned, incremented, deconstructed into, or passed by ref/out.</summary>
    private static bool IsWriteTarget(IOperation operation)
    {
        var parent = operation.Parent;
        switch (parent)
        {
            case IAssignmentOperation assignment when ReferenceEquals(assignment.Target, operation):
                return true;
            case IIncrementOrDecrementOperation:
                return true;
            case IArgumentOperation argument:
                return argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out;
            case ITupleOperation tuple:
                // (a, b) = ... : the tuple is the target of a deconstruction.
                for (IOperation? current = tuple; current is not null; current = current.Parent)
                {
                    if (current.Parent is IDeconstructionAssignmentOperation deconstruction)
                    {
                        return ReferenceEquals(deconstruction.Target, current);
                    }

                    if (current.Parent is not ITupleOperation)
                    {
                        return false;
                    }
                }

                return false;
        }

        return false;
    }

    /// <summary>The framework and library types the rule needs, resolved once per compilation.</summary>
    private sealed class KnownTypes
    {
        private readonly ImmutableHashSet<INamedTypeSymbol> _oneTimeHooks;
        private readonly ImmutableHashSet<INamedTypeSymbol> _tunitHooks;
        private readonly ImmutableHashSet<INamedTypeSymbol> _perThread;
        private readonly ImmutableHashSet<INamedTypeSymbol> _perTestHooks;
        private readonly bool _xunit;
        private readonly INamedTypeSymbol? _threadStatic;
        private readonly INamedTypeSymbol? _array;
        private readonly ImmutableHashSet<INamedTypeSymbol> _collectionInterfaces;

        public KnownTypes(Compilation compilation, bool xunit)
        {
            _oneTimeHooks = TypeLookup.FindAll(compilation, Frameworks.Union(f => f.OnceSetUpAttributes.AddRange(f.OnceTearDownAttributes)));
            _tunitHooks = TypeLookup.FindAll(compilation, Frameworks.Union(f => f.BeforeHookAttributes.AddRange(f.AfterHookAttributes)));
            _perTestHooks = TypeLookup.FindAll(compilation, Frameworks.Union(f => f.SetUpAttributes));
            _xunit = xunit;
            _perThread = TypeLookup.FindAll(compilation, "System.Threading.ThreadLocal`1", "System.Threading.AsyncLocal`1");
            _threadStatic = TypeLookup.Find(compilation, "System.ThreadStaticAttribute");
            _array = compilation.GetSpecialType(SpecialType.System_Array);
            _collectionInterfaces = TypeLookup.FindAll(
                compilation,
                "System.Collections.Generic.ICollection`1",
                "System.Collections.ICollection",
                "System.Collections.IList",
                "System.Collections.IDictionary",
                "System.Collections.Concurrent.IProducerConsumerCollection`1");
        }

        public bool IsArrayType(INamedTypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, _array);

        public bool IsPerThreadOrFlow(ITypeSymbol type)
            => type is INamedTypeSymbol named && _perThread.Contains(named.OriginalDefinition);

        public bool IsThreadStatic(IFieldSymbol field)
        {
            foreach (var attribute in field.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _threadStatic))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Arrays and the mutable collections (immutable, frozen and read-only wrappers excluded).</summary>
        public bool IsMutableCollection(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol)
            {
                return true;
            }

            if (type is not INamedTypeSymbol named || type.SpecialType == SpecialType.System_String)
            {
                return false;
            }

            var ns = named.ContainingNamespace?.ToDisplayString();
            if (ns is "System.Collections.Immutable" or "System.Collections.Frozen"
                || named.Name.StartsWith("ReadOnly", StringComparison.Ordinal)
                || named.Name.StartsWith("IReadOnly", StringComparison.Ordinal))
            {
                return false;
            }

            if (_collectionInterfaces.Contains(named.OriginalDefinition))
            {
                return true;
            }

            foreach (var iface in named.AllInterfaces)
            {
                if (_collectionInterfaces.Contains(iface.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True for the per-test set-up: NUnit SetUp, MSTest TestInitialize, a TUnit Before(Test) hook,
        /// or an instance constructor or <c>InitializeAsync</c> of a class (xUnit creates the class for
        /// every test).
        /// </summary>
        public bool IsPerTestSetUp(ISymbol? owner)
        {
            if (owner is not IMethodSymbol method)
            {
                return false;
            }

            if (method.MethodKind == MethodKind.Constructor || method.Name == "InitializeAsync")
            {
                return _xunit;
            }

            if (method.MethodKind != MethodKind.Ordinary)
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { } type
                    && (TypeLookup.IsOrInheritsFrom(type, _perTestHooks)
                        || (TypeLookup.IsOrInheritsFrom(type, _tunitHooks)
                            && attribute.ConstructorArguments.Length > 0
                            && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Enum, Type: INamedTypeSymbol hookType } hook
                            && IsPerTestHook(hookType, hook.Value))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True for a method the framework runs once per class, assembly or session.</summary>
        public bool IsOneTimeHook(ISymbol? owner)
        {
            if (owner is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                var type = attribute.AttributeClass;
                if (type is null)
                {
                    continue;
                }

                if (TypeLookup.IsOrInheritsFrom(type, _oneTimeHooks))
                {
                    return true;
                }

                if (TypeLookup.IsOrInheritsFrom(type, _tunitHooks)
                    && attribute.ConstructorArguments.Length > 0
                    && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Enum, Type: INamedTypeSymbol hookType } hook
                    && !IsPerTestHook(hookType, hook.Value))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPerTestHook(INamedTypeSymbol hookType, object? value)
        {
            foreach (var member in hookType.GetMembers("Test"))
            {
                if (member is IFieldSymbol { HasConstantValue: true } field)
                {
                    return Equals(field.ConstantValue, value);
                }
            }

            return true;
        }
    }
}
