using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TestSmells.Analyzers.Model;

/// <summary>
/// What is test code in one compilation: the test frameworks it references, which methods are
/// tests, which types are test classes. Built once per compilation and shared by every rule; every
/// answer is memoized for the lifetime of the compilation (never across compilations).
/// </summary>
internal sealed class TestCodeModel
{
    private static readonly ConditionalWeakTable<Compilation, TestCodeModel> Cache = new();

    private readonly ImmutableHashSet<INamedTypeSymbol> _testMethodAttributes;
    private readonly ImmutableHashSet<INamedTypeSymbol> _testMethodAttributeInterfaces;
    private readonly ImmutableHashSet<INamedTypeSymbol> _testClassAttributes;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _isTestAttribute = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _isTestMethod = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _isTestClass = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _isBaseOfTestClass = new(SymbolEqualityComparer.Default);
    private Dictionary<string, List<TypeDeclarationSyntax>>? _derivedDeclarations;
    private AssertionModel? _assertions;
    private MockModel? _mocks;
    private SourceWords? _words;

    private TestCodeModel(Compilation compilation)
    {
        Compilation = compilation;
        _testMethodAttributes = TypeLookup.FindAll(compilation, Model.Frameworks.TestMethodAttributes);
        _testMethodAttributeInterfaces = TypeLookup.FindAll(compilation, Model.Frameworks.TestMethodAttributeInterfaces);
        _testClassAttributes = TypeLookup.FindAll(compilation, Model.Frameworks.TestClassAttributes);

        var frameworks = TestFramework.None;
        foreach (var framework in Model.Frameworks.All)
        {
            if (HasAll(compilation, framework.Markers))
            {
                frameworks |= framework.Id;
            }
        }

        Frameworks = frameworks;
        HasTestFramework = !_testMethodAttributes.IsEmpty || !_testMethodAttributeInterfaces.IsEmpty;
    }

    /// <summary>The model of <paramref name="compilation"/>, built on first use.</summary>
    public static TestCodeModel For(Compilation compilation) => Cache.GetValue(compilation, static c => new TestCodeModel(c));

    public Compilation Compilation { get; }

    /// <summary>The frameworks referenced by the compilation.</summary>
    public TestFramework Frameworks { get; }

    /// <summary>False for production code: no test framework is referenced at all.</summary>
    public bool HasTestFramework { get; }

    /// <summary>The assertion and verification model (resolved on first use).</summary>
    public AssertionModel Assertions => LazyInitializer.EnsureInitialized(ref _assertions, () => new AssertionModel(this))!;

    /// <summary>Which files write the member names some rules look for (searched on first use, once per file).</summary>
    public SourceWords Words => LazyInitializer.EnsureInitialized(ref _words, () => new SourceWords())!;

    /// <summary>The mock-creation model (resolved on first use).</summary>
    public MockModel Mocks => LazyInitializer.EnsureInitialized(ref _mocks, () => new MockModel(Compilation))!;

    /// <summary>True when <paramref name="method"/> carries a test attribute of a supported framework.</summary>
    public bool IsTestMethod(IMethodSymbol? method)
    {
        if (method is null || !HasTestFramework || method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        // TryGetValue first: asked many times per test, and GetOrAdd with a method group allocates a delegate per call.
        return _isTestMethod.TryGetValue(method, out var known) ? known : _isTestMethod.GetOrAdd(method, ComputeIsTestMethod);
    }

    private bool ComputeIsTestMethod(IMethodSymbol method)
    {
        // OverriddenMethod only for overrides: asked of any other method it makes the compiler run its
        // override checks for every method of the project, which no test attribute needs.
        for (var current = method; current is not null; current = current.IsOverride ? current.OverriddenMethod : null)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeClass && IsTestAttribute(attributeClass))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsTestAttribute(INamedTypeSymbol attributeClass)
        => _isTestAttribute.TryGetValue(attributeClass, out var known) ? known : _isTestAttribute.GetOrAdd(attributeClass, type =>
            TypeLookup.IsOrInheritsFrom(type, _testMethodAttributes)
            || TypeLookup.IsOrInheritsFrom(type, _testMethodAttributeInterfaces));

    /// <summary>True when <paramref name="type"/> declares or inherits a test method, or carries a test-class attribute.</summary>
    public bool IsTestClass(INamedTypeSymbol? type)
    {
        if (type is null || !HasTestFramework || type.TypeKind != TypeKind.Class)
        {
            return false;
        }

        return _isTestClass.TryGetValue(type, out var known) ? known : _isTestClass.GetOrAdd(type, ComputeIsTestClass);
    }

    private bool ComputeIsTestClass(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (TypeLookup.IsOrInheritsFrom(attribute.AttributeClass, _testClassAttributes))
            {
                return true;
            }
        }

        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IMethodSymbol method && IsTestMethod(method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when code in <paramref name="member"/> is test code: the member is a test method, or its
    /// type is a test class or a base class of one (helpers, constructors, setup and teardown).
    /// Nested types are not included: they are most often fakes whose behaviour is the input of a test.
    /// </summary>
    public bool IsTestCode(ISymbol? member)
    {
        if (member is null || !HasTestFramework)
        {
            return false;
        }

        if (member is IMethodSymbol method)
        {
            if (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
            {
                return IsTestCode(method.ContainingSymbol);
            }

            if (IsTestMethod(method))
            {
                return true;
            }
        }

        var type = member as INamedTypeSymbol ?? member.ContainingType;
        return type is not null && (IsTestClass(type) || IsBaseOfTestClass(type));
    }

    /// <summary>The test method that lexically contains <paramref name="member"/>, if any.</summary>
    public IMethodSymbol? ContainingTestMethod(ISymbol? member)
    {
        for (var current = member; current is IMethodSymbol method; current = method.ContainingSymbol)
        {
            if (IsTestMethod(method))
            {
                return method;
            }
        }

        return null;
    }

    private bool IsBaseOfTestClass(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsSealed || type.IsStatic
            || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, Compilation.Assembly))
        {
            return false;
        }

        var definition = type.OriginalDefinition;
        return _isBaseOfTestClass.TryGetValue(definition, out var known) ? known : _isBaseOfTestClass.GetOrAdd(definition, ComputeIsBaseOfTestClass(definition, depth: 0));
    }

    /// <summary>
    /// A class is a base of a test class when a class that names it first in its base list derives from
    /// it and is a test class or, in turn, a base of one. The classes that name it are found in the
    /// syntax (<see cref="DerivedDeclarations"/>), so only they are bound, not every type of the compilation.
    /// </summary>
    private bool ComputeIsBaseOfTestClass(INamedTypeSymbol type, int depth)
    {
        if (depth > 16 || !DerivedDeclarations().TryGetValue(type.Name, out var declarations))
        {
            return false;
        }

        foreach (var declaration in declarations)
        {
#pragma warning disable RS1030 // Only the declarations that name this class as their base are looked at, once per class.
            var derived = Compilation.GetSemanticModel(declaration.SyntaxTree).GetDeclaredSymbol(declaration) as INamedTypeSymbol;
#pragma warning restore RS1030
            if (derived is null || !SymbolEqualityComparer.Default.Equals(derived.BaseType?.OriginalDefinition, type))
            {
                continue;
            }

            if (IsTestClass(derived)
                || (!derived.IsSealed && (_isBaseOfTestClass.TryGetValue(derived.OriginalDefinition, out var known)
                    ? known
                    : _isBaseOfTestClass.GetOrAdd(derived.OriginalDefinition, ComputeIsBaseOfTestClass(derived.OriginalDefinition, depth + 1)))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The class declarations of the compilation by the simple name of the first type in their base list
    /// (and by the target of a using alias named there): a syntax walk over declarations only, no binding.
    /// </summary>
    private Dictionary<string, List<TypeDeclarationSyntax>> DerivedDeclarations()
        => LazyInitializer.EnsureInitialized(ref _derivedDeclarations, () =>
        {
            var byBase = new Dictionary<string, List<TypeDeclarationSyntax>>(StringComparer.Ordinal);
            var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
            var stack = new Stack<SyntaxNode>();
            foreach (var tree in Compilation.SyntaxTrees)
            {
                aliases.Clear();
                stack.Push(tree.GetRoot());
                while (stack.Count > 0)
                {
                    foreach (var child in stack.Pop().ChildNodes())
                    {
                        switch (child)
                        {
                            case UsingDirectiveSyntax { Alias: { } alias, Name: { } target }:
                                aliases[alias.Name.Identifier.ValueText] = SimpleName(target);
                                break;
                            case BaseNamespaceDeclarationSyntax:
                                stack.Push(child);
                                break;
                            case TypeDeclarationSyntax declaration:
                                stack.Push(child);
                                if (declaration is ClassDeclarationSyntax or RecordDeclarationSyntax
                                    && declaration.BaseList is { Types.Count: > 0 } baseList)
                                {
                                    var name = SimpleName(baseList.Types[0].Type);
                                    Add(name, declaration);
                                    if (aliases.TryGetValue(name, out var aliased))
                                    {
                                        Add(aliased, declaration);
                                    }
                                }

                                break;
                        }
                    }
                }
            }

            return byBase;

            void Add(string name, TypeDeclarationSyntax declaration)
            {
                if (!byBase.TryGetValue(name, out var list))
                {
                    byBase[name] = list = new List<TypeDeclarationSyntax>();
                }

                list.Add(declaration);
            }
        })!;

    private static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => SimpleName(qualified.Right),
        AliasQualifiedNameSyntax aliasQualified => SimpleName(aliasQualified.Name),
        GenericNameSyntax generic => generic.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => string.Empty,
    };

    private static bool HasAll(Compilation compilation, ImmutableArray<string> metadataNames)
    {
        foreach (var name in metadataNames)
        {
            if (!TypeLookup.Exists(compilation, name))
            {
                return false;
            }
        }

        return true;
    }
}
