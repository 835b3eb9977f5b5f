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
        ImmutableArray<ConstructorPlan> constructors)
    {
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
}

/// <summary>What happens to one existing constructor when a field is injected.</summary>
internal sealed class ConstructorPlan
{
    public ConstructorPlan(SyntaxReference syntax, string? existingParameter, string parameterName, int insertAt)
    {
        Syntax = syntax;
        ExistingParameter = existingParameter;
        ParameterName = parameterName;
        InsertAt = insertAt;
    }

    public SyntaxReference Syntax { get; }

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
        CancellationToken cancellationToken)
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
        var constructors = ConstructorPlans(type, dependencyType, parameter, compilation, declarations, cancellationToken);
        return constructors is null
            ? null
            : new InjectionPlan(type, dependencyType, InjectionKind.NewField, field, parameter, constructors.Value);
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
            owner.ReplaceNode(syntax, (current, _) => RewriteConstructor(plan, constructor, target, (ConstructorDeclarationSyntax)current, constructorType));
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
        var host = declarations.FirstOrDefault(d => d.Declaration.Members.OfType<ConstructorDeclarationSyntax>().Any(c => !IsStatic(c)));
        if (host.Editor is null)
        {
            host = declarations[0];
        }

        var hasConstructor = plan.Constructors.Length > 0;
        var fieldType = TypeIn(host.Editor, host.Declaration);
        host.Editor.ReplaceNode(host.Declaration, (current, _) =>
        {
            var type = (TypeDeclarationSyntax)current;
            type = InsertField(type, Field(fieldType, plan.Name, initializer: null));
            if (!hasConstructor)
            {
                type = InsertConstructor(type, NewConstructor(plan, type, fieldType));
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
        CancellationToken cancellationToken)
    {
        var plans = ImmutableArray.CreateBuilder<ConstructorPlan>();
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

                plans.Add(new ConstructorPlan(
                    constructor.GetReference(),
                    existing,
                    Unique(parameterName, taken),
                    InsertionIndex(constructor.ParameterList)));
            }
        }

        return plans.ToImmutable();
    }

    private static ConstructorDeclarationSyntax RewriteConstructor(
        InjectionPlan plan,
        ConstructorPlan constructor,
        ChainedTarget? target,
        ConstructorDeclarationSyntax current,
        TypeSyntax typeSyntax)
    {
        var rewritten = current;
        var holder = constructor.HolderName;
        var chainsToThis = current.Initializer is { } initializer && initializer.IsKind(SyntaxKind.ThisConstructorInitializer);
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

        var assignment = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                plan.Name == holder
                    ? SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ThisExpression(), SyntaxFactory.IdentifierName(plan.Name))
                    : SyntaxFactory.IdentifierName(plan.Name),
                SyntaxFactory.IdentifierName(holder)))
            .WithAdditionalAnnotations(Formatter.Annotation);
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
                return other.ExistingParameter is null ? new ChainedTarget(other.InsertAt, other.ParameterName) : null;
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
