using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace TestSmells.Analyzers.CodeFixes.Infrastructure;

/// <summary>How a type reaches an injected dependency once the injection is applied.</summary>
internal enum InjectionKind
{
    /// <summary>The type already has an instance field or property of the dependency type.</summary>
    ExistingInstanceMember,

    /// <summary>The type already has a static field or property of the dependency type.</summary>
    ExistingStaticMember,

    /// <summary>The type's primary constructor already has a parameter of the dependency type.</summary>
    ExistingPrimaryConstructorParameter,

    /// <summary>A new private readonly field, assigned from a new parameter of every constructor.</summary>
    NewField,

    /// <summary>A new parameter of the primary constructor, used directly.</summary>
    NewPrimaryConstructorParameter,
}

/// <summary>
/// What <see cref="ConstructorInjection.ApplyAsync"/> will do to one type, decided before any edit:
/// the name that code of the type writes to reach the dependency, and where that name is usable.
/// </summary>
internal sealed class InjectionPlan
{
    internal InjectionPlan(
        INamedTypeSymbol type,
        ITypeSymbol dependencyType,
        InjectionKind kind,
        string name,
        string parameterName,
        ImmutableArray<ConstructorPlan> constructors,
        string? defaultMember = null,
        bool overloadsPrimaryConstructor = false)
    {
        DefaultMember = defaultMember;
        OverloadsPrimaryConstructor = overloadsPrimaryConstructor;
        Type = type;
        DependencyType = dependencyType;
        Kind = kind;
        Name = name;
        ParameterName = parameterName;
        Constructors = constructors;
    }

    /// <summary>The type the dependency is injected into.</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>The type of the dependency (<c>System.TimeProvider</c>, <c>Xunit.ITestOutputHelper</c>...).</summary>
    public ITypeSymbol DependencyType { get; }

    public InjectionKind Kind { get; }

    /// <summary>The identifier that code of the type writes to reach the dependency.</summary>
    public string Name { get; }

    /// <summary>The name of the constructor parameter(s) added (when the plan adds any).</summary>
    public string ParameterName { get; }

    /// <summary>True when applying the plan edits the type (false when an existing member is reused).</summary>
    public bool AddsParameter => Kind is InjectionKind.NewField or InjectionKind.NewPrimaryConstructorParameter;

    /// <summary>True when <see cref="Name"/> is usable in field and property initializers.</summary>
    public bool IsUsableInInitializers => Kind is InjectionKind.ExistingStaticMember
        or InjectionKind.ExistingPrimaryConstructorParameter
        or InjectionKind.NewPrimaryConstructorParameter;

    internal ImmutableArray<ConstructorPlan> Constructors { get; }

    /// <summary>
    /// The static member of the dependency type that callers which do not pass one get (<c>System</c>, for
    /// <c>TimeProvider.System</c>); null when every constructor must take the dependency.
    /// </summary>
    public string? DefaultMember { get; }

    /// <summary>
    /// With a default: the type has a primary constructor, which is left as it is; the field starts as the
    /// default and a new constructor (the primary one's parameters plus the dependency) chains to it.
    /// </summary>
    public bool OverloadsPrimaryConstructor { get; }
}

/// <summary>How an existing constructor takes the dependency.</summary>
internal enum ConstructorMode
{
    /// <summary>A new required parameter (no default: the dependency must be passed).</summary>
    Required,

    /// <summary>A new last parameter <c>T? name = null</c>; null stands for the default.</summary>
    Optional,

    /// <summary>
    /// Left with its signature; it sets the field to the default, and a new constructor with the same
    /// parameters plus the dependency chains to it (a parameterless constructor, a <c>params</c> array last,
    /// or an optional parameter that would make calls ambiguous).
    /// </summary>
    Overload,

    /// <summary>Left with its signature and sets the field to the default: another constructor already takes its parameters plus the dependency.</summary>
    AssignDefault,
}

/// <summary>What happens to one existing constructor when a field is injected.</summary>
internal sealed class ConstructorPlan
{
    public ConstructorPlan(SyntaxReference syntax, string? existingParameter, string parameterName, int insertAt, ConstructorMode mode = ConstructorMode.Required)
    {
        Mode = mode;
        Syntax = syntax;
        ExistingParameter = existingParameter;
        ParameterName = parameterName;
        InsertAt = insertAt;
    }

    public SyntaxReference Syntax { get; }

    public ConstructorMode Mode { get; }

    /// <summary>True when the constructor gets a new parameter of its own.</summary>
    public bool AddsParameter => ExistingParameter is null && Mode is ConstructorMode.Required or ConstructorMode.Optional;

    /// <summary>A parameter of the dependency type that the constructor already has (reused, nothing added).</summary>
    public string? ExistingParameter { get; }

    /// <summary>The name of the parameter added to this constructor.</summary>
    public string ParameterName { get; }

    /// <summary>Where the parameter goes: before the first optional or <c>params</c> parameter, else last.</summary>
    public int InsertAt { get; }

    /// <summary>The name of the parameter that holds the dependency in this constructor, after the edit.</summary>
    public string HolderName => ExistingParameter ?? ParameterName;
}

/// <summary>
/// Adds a constructor-injected dependency to a type, whatever shape its constructors have: reuses a
/// field, property or primary-constructor parameter of that type when there is one; otherwise adds a
/// primary-constructor parameter (classes, structs and records with a parameter list; records get a
/// private field of the same name so that no public property is generated), or a private readonly
/// field plus one parameter on every constructor (constructors that chain with <c>: this(...)</c>
/// pass theirs on; a type without constructors gets one). Generic over the dependency type and
/// its names, so it serves <c>TimeProvider</c> and <c>ITestOutputHelper</c> alike. One plan per
/// type: a Fix All groups its diagnostics by type and applies each type's plan once.
/// Callers that construct the type are not updated (they are outside what a fix can know).
/// </summary>
internal static class ConstructorInjection
{
    /// <summary>
    /// Decides how <paramref name="type"/> gets <paramref name="dependencyType"/>, or returns null when
    /// it cannot (static class, interface, enum, metadata type, a constructor without a body...).
    /// </summary>
    /// <param name="parameterName">The parameter name to add (<c>timeProvider</c>); numbered when taken.</param>
    /// <param name="fieldName">The field name to add (<c>_timeProvider</c>); numbered when taken.</param>
    public static InjectionPlan? Plan(
        INamedTypeSymbol type,
        ITypeSymbol dependencyType,
        string parameterName,
        string fieldName,
        Compilation compilation,
        CancellationToken cancellationToken,
        string? defaultMember = null)
    {
        if (type.IsStatic
            || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || type.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        var declarations = new List<TypeDeclarationSyntax>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                return null;
            }

            declarations.Add(declaration);
        }

        var existing = FindExisting(type, dependencyType, compilation);
        if (existing is not null)
        {
            return existing;
        }

        var takenNames = TakenNames(type, declarations);
        var primary = declarations.FirstOrDefault(d => d.ParameterList is not null);
        if (primary is not null && defaultMember is not null)
        {
            // The primary constructor keeps its signature (and a record its Deconstruct and properties).
            return new InjectionPlan(
                type,
                dependencyType,
                InjectionKind.NewField,
                Unique(fieldName, takenNames),
                Unique(parameterName, takenNames),
                ImmutableArray<ConstructorPlan>.Empty,
                defaultMember,
                overloadsPrimaryConstructor: true);
        }

        if (primary is not null)
        {
            var name = Unique(parameterName, takenNames);
            var others = ConstructorPlans(type, dependencyType, name, compilation, declarations, cancellationToken);
            return others is null
                ? null
                : new InjectionPlan(type, dependencyType, InjectionKind.NewPrimaryConstructorParameter, name, name, others.Value);
        }

        var field = Unique(fieldName, takenNames);
        var parameter = Unique(parameterName, takenNames);
        var constructors = ConstructorPlans(type, dependencyType, parameter, compilation, declarations, cancellationToken, defaultMember is not null);
        return constructors is null
            ? null
            : new InjectionPlan(type, dependencyType, InjectionKind.NewField, field, parameter, constructors.Value, defaultMember);
    }

    /// <summary>
    /// True when code at <paramref name="node"/> can use <see cref="InjectionPlan.Name"/>: inside the
    /// type itself (not a nested type), in an instance member (or anywhere for a static member), in
    /// an initializer only when the name is a primary-constructor parameter, and never in a lambda or
    /// local function of a struct (those cannot capture <c>this</c>) or a static lambda.
    /// </summary>
    public static bool CanReach(InjectionPlan plan, SyntaxNode node)
    {
        var insideFunction = false;
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    if (lambda.Modifiers.Any(SyntaxKind.StaticKeyword))
                    {
                        return false;
                    }

                    insideFunction = true;
                    break;
                case LocalFunctionStatementSyntax local:
                    if (local.Modifiers.Any(SyntaxKind.StaticKeyword))
                    {
                        return false;
                    }

                    insideFunction = true;
                    break;
                case ConstructorInitializerSyntax:
                    return false;
                case AttributeSyntax:
                    return false;
                case PrimaryConstructorBaseTypeSyntax:
                    return plan.IsUsableInInitializers;
                case EqualsValueClauseSyntax when current.Parent is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field }:
                    return !field.Modifiers.Any(SyntaxKind.ConstKeyword)
                        && (plan.Kind == InjectionKind.ExistingStaticMember
                            || (!field.Modifiers.Any(SyntaxKind.StaticKeyword) && plan.IsUsableInInitializers))
                        && IsDeclarationOf(plan, field.Parent);
                case EqualsValueClauseSyntax when current.Parent is PropertyDeclarationSyntax property:
                    return (plan.Kind == InjectionKind.ExistingStaticMember
                            || (!property.Modifiers.Any(SyntaxKind.StaticKeyword) && plan.IsUsableInInitializers))
                        && IsDeclarationOf(plan, property.Parent);
                case EqualsValueClauseSyntax when current.Parent is ParameterSyntax or EnumMemberDeclarationSyntax:
                    return false;
                case MemberDeclarationSyntax member when current is not TypeDeclarationSyntax:
                    if (!IsDeclarationOf(plan, member.Parent))
                    {
                        return false;
                    }

                    if (plan.Kind == InjectionKind.ExistingStaticMember)
                    {
                        return true;
                    }

                    if (IsStaticMember(member))
                    {
                        return false;
                    }

                    return !(insideFunction && plan.Type.TypeKind == TypeKind.Struct);
                case TypeDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Applies <paramref name="plan"/>: adds the field, parameters, assignments and constructor as
    /// decided. Does nothing for a plan that reuses an existing member.
    /// </summary>
    public static async Task ApplyAsync(SolutionEditor editor, InjectionPlan plan, CancellationToken cancellationToken)
    {
        if (!plan.AddsParameter)
        {
            return;
        }

        var solution = editor.OriginalSolution;
        var declarations = new List<(DocumentEditor Editor, TypeDeclarationSyntax Declaration)>();
        foreach (var reference in plan.Type.DeclaringSyntaxReferences)
        {
            var document = solution.GetDocument(reference.SyntaxTree);
            if (document is null || await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            declarations.Add((await editor.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false), declaration));
        }

        if (declarations.Count == 0)
        {
            return;
        }

        // The dependency's type as a person writes it in each file, with the using it needs.
        var imports = new List<(DocumentEditor Owner, string Namespace)>();
        var typeNames = new Dictionary<DocumentEditor, TypeSyntax>();
        TypeSyntax TypeIn(DocumentEditor owner, SyntaxNode at)
        {
            if (!typeNames.TryGetValue(owner, out var name))
            {
                var (written, import) = Imports.NameFor(plan.DependencyType, owner.SemanticModel, at.SpanStart);
                name = written.WithAdditionalAnnotations(Simplifier.Annotation);
                typeNames[owner] = name;
                if (import is not null)
                {
                    imports.Add((owner, import));
                }
            }

            return name;
        }

        // Added last, so that every edit inside the file is applied first.
        void AddImports()
        {
            foreach (var (owner, import) in imports)
            {
                owner.ReplaceNode(owner.OriginalRoot, (current, _) => Imports.AddUsings(current, new[] { import }));
            }
        }

        // Existing constructors: a new parameter each, assigned to the field or passed on.
        foreach (var constructor in plan.Constructors)
        {
            var syntax = (ConstructorDeclarationSyntax)await constructor.Syntax.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            var owner = declarations.FirstOrDefault(d => d.Declaration.SyntaxTree == syntax.SyntaxTree).Editor;
            if (owner is null)
            {
                continue;
            }

            var target = ChainTarget(plan, owner.SemanticModel, syntax, cancellationToken);
            var constructorType = TypeIn(owner, syntax);
            var nullable = owner.SemanticModel.GetNullableContext(syntax.SpanStart).AnnotationsEnabled();
            owner.ReplaceNode(syntax, (current, _) => RewriteConstructor(plan, constructor, target, (ConstructorDeclarationSyntax)current, constructorType, nullable));
            if (constructor.Mode == ConstructorMode.Overload)
            {
                owner.InsertAfter(syntax, Overload(plan, syntax.Identifier, syntax.Modifiers, syntax.AttributeLists, syntax.ParameterList, constructor.ParameterName, constructorType));
            }
        }

        if (plan.Kind == InjectionKind.NewPrimaryConstructorParameter)
        {
            var (owner, declaration) = declarations.First(d => d.Declaration.ParameterList is not null);
            var isRecord = declaration is RecordDeclarationSyntax;
            var typeSyntax = TypeIn(owner, declaration);
            owner.ReplaceNode(declaration, (current, _) =>
            {
                var type = (TypeDeclarationSyntax)current;
                var list = type.ParameterList!;
                var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(plan.ParameterName)).WithType(typeSyntax);
                type = type.WithParameterList(list.WithParameters(list.Parameters.Insert(InsertionIndex(list), parameter)));
                if (isRecord)
                {
                    // A member of the same name keeps the record from exposing the dependency as a public property.
                    var field = Field(typeSyntax, plan.ParameterName, SyntaxFactory.EqualsValueClause(SyntaxFactory.IdentifierName(plan.ParameterName)));
                    type = InsertField(type, field);
                }

                return type;
            });
            AddImports();
            return;
        }

        // A new field, in the declaration that holds the constructors (or the first one).
        var host = plan.OverloadsPrimaryConstructor
            ? declarations.FirstOrDefault(d => d.Declaration.ParameterList is not null)
            : declarations.FirstOrDefault(d => d.Declaration.Members.OfType<ConstructorDeclarationSyntax>().Any(c => !IsStatic(c)));
        if (host.Editor is null)
        {
            host = declarations[0];
        }

        var hasConstructor = plan.Constructors.Length > 0;
        var fieldType = TypeIn(host.Editor, host.Declaration);
        host.Editor.ReplaceNode(host.Declaration, (current, _) =>
        {
            var type = (TypeDeclarationSyntax)current;
            if (plan.OverloadsPrimaryConstructor && type.ParameterList is { } primaryParameters)
            {
                // Starts as the default; the new constructor, chained to the primary one, replaces it.
                type = InsertField(type, Field(fieldType, plan.Name, SyntaxFactory.EqualsValueClause(DefaultValue(plan, fieldType))));
                var modifiers = SyntaxFactory.TokenList(SyntaxFactory.Token(type.Modifiers.Any(SyntaxKind.AbstractKeyword) ? SyntaxKind.ProtectedKeyword : SyntaxKind.PublicKeyword));
                var taken = new HashSet<string>(primaryParameters.Parameters.Select(p => p.Identifier.ValueText), StringComparer.Ordinal);
                return InsertConstructor(type, Overload(plan, type.Identifier, modifiers, default, primaryParameters, Unique(plan.ParameterName, taken), fieldType));
            }

            type = InsertField(type, Field(fieldType, plan.Name, initializer: null));
            if (!hasConstructor)
            {
                type = InsertConstructor(type, NewConstructor(plan, type, fieldType));
                if (plan.DefaultMember is not null && type is not StructDeclarationSyntax && !(type is RecordDeclarationSyntax record && record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword)))
                {
                    // Keeps new C(), new() constraints and Activator.CreateInstance(Type) working.
                    type = InsertConstructor(type, ParameterlessChaining(plan, type, fieldType));
                }
            }

            return type;
        });
        AddImports();
    }

    /// <summary>Finds a field, property or primary-constructor parameter of the dependency type to reuse.</summary>
    private static InjectionPlan? FindExisting(INamedTypeSymbol type, ITypeSymbol dependencyType, Compilation compilation)
    {
        InjectionPlan? staticCandidate = null;
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsImplicitlyDeclared
                    || (!SymbolEqualityComparer.Default.Equals(current, type) && member.DeclaredAccessibility == Accessibility.Private)
                    || !compilation.IsSymbolAccessibleWithin(member, type))
                {
                    continue;
                }

                var memberType = member switch
                {
                    IFieldSymbol field when !field.IsConst => field.Type,
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                    _ => null,
                };
                if (memberType is null || !IsOfDependencyType(memberType, dependencyType, compilation))
                {
                    continue;
                }

                if (!member.IsStatic)
                {
                    return new InjectionPlan(type, dependencyType, InjectionKind.ExistingInstanceMember, member.Name, member.Name, ImmutableArray<ConstructorPlan>.Empty);
                }

                staticCandidate ??= new InjectionPlan(type, dependencyType, InjectionKind.ExistingStaticMember, member.Name, member.Name, ImmutableArray<ConstructorPlan>.Empty);
            }

            if (SymbolEqualityComparer.Default.Equals(current, type))
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    if (IsPrimaryConstructor(constructor))
                    {
                        foreach (var parameter in constructor.Parameters)
                        {
                            if (IsOfDependencyType(parameter.Type, dependencyType, compilation))
                            {
                                return new InjectionPlan(type, dependencyType, InjectionKind.ExistingPrimaryConstructorParameter, parameter.Name, parameter.Name, ImmutableArray<ConstructorPlan>.Empty);
                            }
                        }
                    }
                }
            }
        }

        return staticCandidate;
    }

    private static bool IsOfDependencyType(ITypeSymbol type, ITypeSymbol dependencyType, Compilation compilation)
        => SymbolEqualityComparer.Default.Equals(type, dependencyType)
            || compilation.ClassifyCommonConversion(type, dependencyType) is { IsImplicit: true, IsReference: true };

    private static bool IsPrimaryConstructor(IMethodSymbol constructor)
        => !constructor.IsImplicitlyDeclared
            && constructor.DeclaringSyntaxReferences.Length == 1
            && constructor.DeclaringSyntaxReferences[0].GetSyntax() is TypeDeclarationSyntax;

    /// <summary>
    /// The plan of every explicit instance constructor; null when one cannot take the dependency
    /// (no body: <c>extern</c>, or a declaration in an unexpected shape).
    /// </summary>
    private static ImmutableArray<ConstructorPlan>? ConstructorPlans(
        INamedTypeSymbol type,
        ITypeSymbol dependencyType,
        string parameterName,
        Compilation compilation,
        List<TypeDeclarationSyntax> declarations,
        CancellationToken cancellationToken,
        bool withDefault = false)
    {
        var plans = ImmutableArray.CreateBuilder<ConstructorPlan>();
        var signatures = withDefault ? Signatures(type) : ImmutableArray<ImmutableArray<IParameterSymbol>>.Empty;
        foreach (var declaration in declarations)
        {
            foreach (var constructor in declaration.Members.OfType<ConstructorDeclarationSyntax>())
            {
                if (IsStatic(constructor))
                {
                    continue;
                }

                if (constructor.Body is null && constructor.ExpressionBody is null)
                {
                    return null;
                }

                string? existing = null;
                var semanticModel = compilation.GetSemanticModel(constructor.SyntaxTree);
                foreach (var parameter in constructor.ParameterList.Parameters)
                {
                    if (semanticModel.GetDeclaredSymbol(parameter, cancellationToken) is { } symbol
                        && symbol.RefKind == RefKind.None
                        && IsOfDependencyType(symbol.Type, dependencyType, compilation))
                    {
                        existing = symbol.Name;
                        break;
                    }
                }

                var taken = new HashSet<string>(StringComparer.Ordinal);
                foreach (var token in constructor.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        taken.Add(token.ValueText);
                    }
                }

                var mode = ConstructorMode.Required;
                var insertAt = InsertionIndex(constructor.ParameterList);
                if (withDefault && existing is null)
                {
                    mode = DefaultMode(semanticModel.GetDeclaredSymbol(constructor, cancellationToken), signatures, dependencyType, compilation);
                    if (mode == ConstructorMode.Optional && ChainsToTaker(constructor, semanticModel, dependencyType, compilation, cancellationToken))
                    {
                        mode = ConstructorMode.Overload;
                    }
                    insertAt = constructor.ParameterList.Parameters.Count;
                }

                plans.Add(new ConstructorPlan(
                    constructor.GetReference(),
                    existing,
                    Unique(parameterName, taken),
                    insertAt,
                    mode));
            }
        }

        return plans.ToImmutable();
    }

    /// <summary>
    /// True for <c>: this(...)</c> to a constructor that already takes the dependency: the value passed there
    /// stays; callers who want another one get an overload.
    /// </summary>
    private static bool ChainsToTaker(ConstructorDeclarationSyntax constructor, SemanticModel semanticModel, ITypeSymbol dependencyType, Compilation compilation, CancellationToken cancellationToken)
        => constructor.Initializer is { } initializer
            && initializer.IsKind(SyntaxKind.ThisConstructorInitializer)
            && semanticModel.GetSymbolInfo(initializer, cancellationToken).Symbol is IMethodSymbol chained
            && chained.Parameters.Any(p => p.RefKind == RefKind.None && IsOfDependencyType(p.Type, dependencyType, compilation));

    /// <summary>The parameters of every instance constructor the type declares.</summary>
    private static ImmutableArray<ImmutableArray<IParameterSymbol>> Signatures(INamedTypeSymbol type)
        => type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared).Select(c => c.Parameters).ToImmutableArray();

    /// <summary>
    /// How a constructor takes the dependency when callers may leave it out: an optional last parameter,
    /// unless that would break or change existing calls.
    /// </summary>
    private static ConstructorMode DefaultMode(IMethodSymbol? constructor, ImmutableArray<ImmutableArray<IParameterSymbol>> signatures, ITypeSymbol dependencyType, Compilation compilation)
    {
        if (constructor is null)
        {
            return ConstructorMode.Overload;
        }

        var parameters = constructor.Parameters;
        foreach (var other in signatures)
        {
            // C(a) beside C(a, TimeProvider): C(a, TimeProvider? = null) would clash with it.
            if (other.Length == parameters.Length + 1
                && StartsWith(other, parameters)
                && IsOfDependencyType(other[parameters.Length].Type, dependencyType, compilation))
            {
                return ConstructorMode.AssignDefault;
            }
        }

        // new() constraints, Activator.CreateInstance(Type) and serializers need a parameterless
        // constructor; a params array must stay last.
        if (parameters.Length == 0 || parameters[parameters.Length - 1].IsParams)
        {
            return ConstructorMode.Overload;
        }

        foreach (var other in signatures)
        {
            // C(a) beside C(a, b = 0): new C(x) picks C(a) today because it needs no default; once both
            // need one, the call is ambiguous.
            if (other.Length > parameters.Length
                && StartsWith(other, parameters)
                && other.Skip(parameters.Length).All(p => p.IsOptional || p.IsParams))
            {
                return ConstructorMode.Overload;
            }
        }

        return ConstructorMode.Optional;
    }

    private static bool StartsWith(ImmutableArray<IParameterSymbol> parameters, ImmutableArray<IParameterSymbol> prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(parameters[i].Type, prefix[i].Type) || parameters[i].RefKind != prefix[i].RefKind)
            {
                return false;
            }
        }

        return true;
    }

    private static ConstructorDeclarationSyntax RewriteConstructor(
        InjectionPlan plan,
        ConstructorPlan constructor,
        ChainedTarget? target,
        ConstructorDeclarationSyntax current,
        TypeSyntax typeSyntax,
        bool nullable)
    {
        var rewritten = current;
        var holder = constructor.HolderName;
        var chainsToThis = current.Initializer is { } initializer && initializer.IsKind(SyntaxKind.ThisConstructorInitializer);
        if (constructor.Mode is ConstructorMode.Overload or ConstructorMode.AssignDefault)
        {
            // The signature stays; the constructor it chains to sets the field, else it sets the default.
            return chainsToThis || constructor.ExistingParameter is not null
                ? current
                : Prepend(current, Assign(plan.Name, DefaultValue(plan, typeSyntax), holder: null));
        }

        if (constructor.Mode == ConstructorMode.Optional)
        {
            var optional = SyntaxFactory.Parameter(SyntaxFactory.Identifier(constructor.ParameterName))
                .WithType(nullable ? SyntaxFactory.NullableType(typeSyntax) : typeSyntax)
                .WithDefault(SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)));
            rewritten = rewritten.WithParameterList(rewritten.ParameterList.WithParameters(rewritten.ParameterList.Parameters.Add(optional)));
            if (chainsToThis && target is { } optionalTarget)
            {
                var chained = rewritten.Initializer!.ArgumentList;
                return rewritten.WithInitializer(rewritten.Initializer.WithArgumentList(PassOn(chained, optionalTarget, holder)))
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }

            // Also after a : this(...) that passes nothing on: the body runs after the chained constructor.
            var value = SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, SyntaxFactory.IdentifierName(holder), DefaultValue(plan, typeSyntax));
            return Prepend(rewritten, Assign(plan.Name, value, holder));
        }

        if (chainsToThis && target is null)
        {
            // Chains to a constructor that reuses a parameter of its own: nothing to pass on.
            return current;
        }

        if (constructor.ExistingParameter is null)
        {
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(constructor.ParameterName)).WithType(typeSyntax);
            rewritten = rewritten.WithParameterList(rewritten.ParameterList.WithParameters(
                rewritten.ParameterList.Parameters.Insert(Math.Min(constructor.InsertAt, rewritten.ParameterList.Parameters.Count), parameter)));
        }

        if (chainsToThis)
        {
            var arguments = rewritten.Initializer!.ArgumentList;
            rewritten = rewritten.WithInitializer(rewritten.Initializer.WithArgumentList(PassOn(arguments, target!.Value, holder)));
            return rewritten.WithAdditionalAnnotations(Formatter.Annotation);
        }

        if (plan.Kind != InjectionKind.NewField)
        {
            return rewritten.WithAdditionalAnnotations(Formatter.Annotation);
        }

        return Prepend(rewritten, Assign(plan.Name, SyntaxFactory.IdentifierName(holder), holder));
    }

    /// <summary><c>field = value;</c> (<c>this.field</c> when a parameter of the same name hides it).</summary>
    private static StatementSyntax Assign(string field, ExpressionSyntax value, string? holder)
        => SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                field == holder
                    ? SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ThisExpression(), SyntaxFactory.IdentifierName(field))
                    : SyntaxFactory.IdentifierName(field),
                value))
            .WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>The default callers get: <c>TimeProvider.System</c>.</summary>
    private static ExpressionSyntax DefaultValue(InjectionPlan plan, TypeSyntax typeSyntax)
        => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, typeSyntax, SyntaxFactory.IdentifierName(plan.DefaultMember ?? "System"));

    /// <summary>Makes <paramref name="assignment"/> the constructor's first statement.</summary>
    private static ConstructorDeclarationSyntax Prepend(ConstructorDeclarationSyntax rewritten, StatementSyntax assignment)
    {
        if (rewritten.Body is { } body)
        {
            var statements = body.Statements.Insert(0, assignment);
            rewritten = IsOnOneLine(body)
                ? rewritten.WithBody(SyntaxFactory.Block(statements.Select(s => s.WithoutTrivia().WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker))).WithTriviaFrom(body))
                : rewritten.WithBody(body.WithStatements(statements));
        }
        else if (rewritten.ExpressionBody is { } expressionBody)
        {
            rewritten = rewritten
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithBody(SyntaxFactory.Block(assignment, SyntaxFactory.ExpressionStatement(expressionBody.Expression)));
        }

        return rewritten.WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>True for <c>{ A(); }</c> written on one line: rebuilt so that the formatter gives each statement its line.</summary>
    private static bool IsOnOneLine(BlockSyntax block)
        => block.Statements.Count > 0 && !block.DescendantTrivia(block.Span).Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));

    /// <summary>Where a constructor chained with <c>: this(...)</c> expects the dependency.</summary>
    private readonly struct ChainedTarget
    {
        public ChainedTarget(int index, string name)
        {
            Index = index;
            Name = name;
        }

        public int Index { get; }

        public string Name { get; }
    }

    private static ChainedTarget? ChainTarget(InjectionPlan plan, SemanticModel semanticModel, ConstructorDeclarationSyntax constructor, CancellationToken cancellationToken)
    {
        if (constructor.Initializer is not { } initializer || !initializer.IsKind(SyntaxKind.ThisConstructorInitializer))
        {
            return null;
        }

        if (semanticModel.GetSymbolInfo(initializer, cancellationToken).Symbol is not IMethodSymbol chained
            || chained.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        var targetSyntax = chained.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (targetSyntax is TypeDeclarationSyntax primary && plan.Kind == InjectionKind.NewPrimaryConstructorParameter)
        {
            return new ChainedTarget(InsertionIndex(primary.ParameterList!), plan.ParameterName);
        }

        foreach (var other in plan.Constructors)
        {
            if (other.Syntax.SyntaxTree == targetSyntax.SyntaxTree && other.Syntax.Span == targetSyntax.Span)
            {
                return other.AddsParameter ? new ChainedTarget(other.InsertAt, other.ParameterName) : null;
            }
        }

        return null;
    }

    /// <summary>Adds the dependency to a <c>this(...)</c> argument list: positionally when possible, else by name.</summary>
    private static ArgumentListSyntax PassOn(ArgumentListSyntax arguments, ChainedTarget target, string holder)
    {
        var value = SyntaxFactory.IdentifierName(holder);
        var positional = arguments.Arguments.All(a => a.NameColon is null);
        if (positional && arguments.Arguments.Count >= target.Index)
        {
            return arguments.WithArguments(arguments.Arguments.Insert(target.Index, SyntaxFactory.Argument(value)));
        }

        return arguments.AddArguments(SyntaxFactory.Argument(value).WithNameColon(SyntaxFactory.NameColon(target.Name)));
    }

    /// <summary>
    /// <c>C(same parameters, T name) : this(same arguments) { field = name; }</c>: the overload of a
    /// constructor (or of the primary constructor) that keeps its signature. Defaults and <c>params</c> are
    /// dropped (an optional or params parameter cannot come before the dependency);
    /// <c>[SetsRequiredMembers]</c> is kept, since the chained constructor sets them.
    /// </summary>
    private static ConstructorDeclarationSyntax Overload(
        InjectionPlan plan,
        SyntaxToken identifier,
        SyntaxTokenList modifiers,
        SyntaxList<AttributeListSyntax> attributes,
        ParameterListSyntax parameters,
        string parameterName,
        TypeSyntax typeSyntax)
    {
        var copied = parameters.Parameters
            .Select(p => p.WithDefault(null).WithAttributeLists(default).WithModifiers(SyntaxFactory.TokenList(p.Modifiers.Where(m => !m.IsKind(SyntaxKind.ParamsKeyword) && !m.IsKind(SyntaxKind.ThisKeyword)).Select(m => SyntaxFactory.Token(m.Kind())))).WithoutTrivia())
            .Append(SyntaxFactory.Parameter(SyntaxFactory.Identifier(parameterName)).WithType(typeSyntax));
        var arguments = parameters.Parameters.Select(p =>
        {
            var argument = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(p.Identifier.WithoutTrivia()));
            var refKind = p.Modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword) || m.IsKind(SyntaxKind.InKeyword));
            return refKind.IsKind(SyntaxKind.None) ? argument : argument.WithRefKindKeyword(SyntaxFactory.Token(refKind.Kind()));
        });
        var kept = attributes
            .Select(list => SyntaxFactory.AttributeList(SyntaxFactory.SeparatedList(list.Attributes
                .Where(a => a.Name.ToString() is var name
                    && (name.EndsWith("SetsRequiredMembers", StringComparison.Ordinal) || name.EndsWith("SetsRequiredMembersAttribute", StringComparison.Ordinal)))
                .Select(a => a.WithoutTrivia()))))
            .Where(list => list.Attributes.Count > 0);
        return SyntaxFactory.ConstructorDeclaration(identifier.WithoutTrivia())
            .WithAttributeLists(SyntaxFactory.List(kept))
            .WithModifiers(SyntaxFactory.TokenList(modifiers.Select(m => SyntaxFactory.Token(m.Kind()))))
            .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(copied)))
            .WithInitializer(SyntaxFactory.ConstructorInitializer(SyntaxKind.ThisConstructorInitializer, SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments))))
            .WithBody(SyntaxFactory.Block(Assign(plan.Name, SyntaxFactory.IdentifierName(parameterName), parameterName)))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary><c>public C() : this(T.System) { }</c>: keeps a parameterless constructor beside the new one.</summary>
    private static ConstructorDeclarationSyntax ParameterlessChaining(InjectionPlan plan, TypeDeclarationSyntax type, TypeSyntax typeSyntax)
    {
        var accessibility = type.Modifiers.Any(SyntaxKind.AbstractKeyword) ? SyntaxKind.ProtectedKeyword : SyntaxKind.PublicKeyword;
        return SyntaxFactory.ConstructorDeclaration(type.Identifier.WithoutTrivia())
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(accessibility)))
            .WithInitializer(SyntaxFactory.ConstructorInitializer(
                SyntaxKind.ThisConstructorInitializer,
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(DefaultValue(plan, typeSyntax))))))
            .WithBody(SyntaxFactory.Block())
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static ConstructorDeclarationSyntax NewConstructor(InjectionPlan plan, TypeDeclarationSyntax type, TypeSyntax typeSyntax)
    {
        var accessibility = type.Modifiers.Any(SyntaxKind.AbstractKeyword) ? SyntaxKind.ProtectedKeyword : SyntaxKind.PublicKeyword;
        var assignment = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName(plan.Name),
            SyntaxFactory.IdentifierName(plan.ParameterName)));
        return SyntaxFactory.ConstructorDeclaration(type.Identifier.WithoutTrivia())
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(accessibility)))
            .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Parameter(SyntaxFactory.Identifier(plan.ParameterName)).WithType(typeSyntax))))
            .WithBody(SyntaxFactory.Block(assignment))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static FieldDeclarationSyntax Field(TypeSyntax typeSyntax, string name, EqualsValueClauseSyntax? initializer)
    {
        var declarator = SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name));
        if (initializer is not null)
        {
            declarator = declarator.WithInitializer(initializer);
        }

        return SyntaxFactory.FieldDeclaration(SyntaxFactory.VariableDeclaration(typeSyntax, SyntaxFactory.SingletonSeparatedList(declarator)))
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword)))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>Inserts the field after the type's last field, or first.</summary>
    private static TypeDeclarationSyntax InsertField(TypeDeclarationSyntax type, FieldDeclarationSyntax field)
    {
        var lastField = -1;
        for (var i = 0; i < type.Members.Count; i++)
        {
            if (type.Members[i] is FieldDeclarationSyntax)
            {
                lastField = i;
            }
        }

        if (type.Members.Count == 0 && (type.OpenBraceToken.IsKind(SyntaxKind.None) || type.OpenBraceToken.IsMissing))
        {
            // record R(int X); has no body yet.
            type = type
                .WithSemicolonToken(default)
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        return type.WithMembers(type.Members.Insert(lastField + 1, field));
    }

    /// <summary>Inserts the constructor after the fields (and before the other members).</summary>
    private static TypeDeclarationSyntax InsertConstructor(TypeDeclarationSyntax type, ConstructorDeclarationSyntax constructor)
    {
        var index = 0;
        while (index < type.Members.Count && type.Members[index] is FieldDeclarationSyntax)
        {
            index++;
        }

        return type.WithMembers(type.Members.Insert(index, constructor));
    }

    /// <summary>Before the first optional or <c>params</c> parameter, else at the end.</summary>
    private static int InsertionIndex(ParameterListSyntax list)
    {
        for (var i = 0; i < list.Parameters.Count; i++)
        {
            var parameter = list.Parameters[i];
            if (parameter.Default is not null || parameter.Modifiers.Any(SyntaxKind.ParamsKeyword))
            {
                return i;
            }
        }

        return list.Parameters.Count;
    }

    private static bool IsStatic(ConstructorDeclarationSyntax constructor) => constructor.Modifiers.Any(SyntaxKind.StaticKeyword);

    private static bool IsStaticMember(MemberDeclarationSyntax member) => member switch
    {
        OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax => true,
        BaseMethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.StaticKeyword),
        BasePropertyDeclarationSyntax property => property.Modifiers.Any(SyntaxKind.StaticKeyword),
        BaseFieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.StaticKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword),
        _ => true,
    };

    /// <summary>True when <paramref name="typeDeclaration"/> is one of the declarations of the plan's type.</summary>
    private static bool IsDeclarationOf(InjectionPlan plan, SyntaxNode? typeDeclaration)
    {
        if (typeDeclaration is not TypeDeclarationSyntax)
        {
            return false;
        }

        foreach (var reference in plan.Type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == typeDeclaration.SyntaxTree && reference.Span == typeDeclaration.Span)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Names a new member or parameter must avoid: the members of the type and its bases, and every
    /// identifier written in the type (locals and parameters that would shadow the new name).
    /// </summary>
    private static HashSet<string> TakenNames(INamedTypeSymbol type, List<TypeDeclarationSyntax> declarations)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var name in current.MemberNames)
            {
                taken.Add(name);
            }
        }

        foreach (var declaration in declarations)
        {
            foreach (var token in declaration.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    taken.Add(token.ValueText);
                }
            }
        }

        return taken;
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        if (!taken.Contains(name))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
