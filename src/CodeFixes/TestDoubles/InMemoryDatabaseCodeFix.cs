using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using TestSmells.Analyzers.Model;
using TestSmells.Analyzers.TestDoubles;

namespace TestSmells.Analyzers.CodeFixes.TestDoubles;

/// <summary>
/// TST2002: replaces <c>.UseInMemoryDatabase(name)</c> with SQLite in-memory, when the project
/// references Microsoft.EntityFrameworkCore.Sqlite. An in-memory SQLite database lives as long as its
/// connection is open and starts without tables, so the fix
/// <list type="bullet">
/// <item>opens <c>using var connection = new SqliteConnection("DataSource=:memory:")</c> before the
/// statement that builds the options (disposed when the test ends),</item>
/// <item>passes it to <c>.UseSqlite(connection)</c>, and</item>
/// <item>calls <c>context.Database.EnsureCreated()</c> on the first context the test creates from there
/// (unless the test already calls <c>EnsureCreated</c> or <c>Migrate</c>).</item>
/// </list>
/// Offered only for the shape it can make work: the call is in a statement directly in a test
/// method's block body (not in a lambda, a helper, a constructor or a fixture), it is the test's only
/// <c>UseInMemoryDatabase</c> call, it passes only the database name, the test then declares a local
/// context (<c>var</c>/<c>using var</c> declaration or <c>using (var ...)</c> statement), and the
/// language version has using declarations (C# 8).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InMemoryDatabaseCodeFix))]
[Shared]
public sealed class InMemoryDatabaseCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "TST2002.UseSqliteInMemory";

    private const string SqliteConnectionType = "Microsoft.Data.Sqlite.SqliteConnection";
    private const string SqliteExtensionsType = "Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions";
    private const string DbContextType = "Microsoft.EntityFrameworkCore.DbContext";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST2002");

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan.For(root, semanticModel, diagnostic, context.CancellationToken) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use SQLite in-memory (open connection, EnsureCreated)",
                    token => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), token),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        => ApplyAsync(document, diagnostics, context.CancellationToken)!;

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var semanticModel = editor.SemanticModel;
        foreach (var diagnostic in diagnostics)
        {
            Plan.For(root, semanticModel, diagnostic, cancellationToken)?.Apply(editor);
        }

        // Adds `using Microsoft.Data.Sqlite;` for the annotated SqliteConnection and shortens the name.
        var changed = await ImportAdder.AddImportsAsync(editor.GetChangedDocument(), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private sealed class Plan
    {
        private readonly InvocationExpressionSyntax _call;
        private readonly StatementSyntax _statement;
        private readonly string _connection;
        private readonly string? _context;
        private readonly StatementSyntax? _ensureAfter;
        private readonly BlockSyntax? _ensureInto;

        private Plan(InvocationExpressionSyntax call, StatementSyntax statement, string connection, string? context, StatementSyntax? ensureAfter, BlockSyntax? ensureInto)
        {
            _call = call;
            _statement = statement;
            _connection = connection;
            _context = context;
            _ensureAfter = ensureAfter;
            _ensureInto = ensureInto;
        }

        public static Plan? For(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var compilation = semanticModel.Compilation;
            if (compilation.GetTypeByMetadataName(SqliteConnectionType) is null
                || compilation.GetTypeByMetadataName(SqliteExtensionsType) is null
                || compilation.GetTypeByMetadataName(DbContextType) is not { } dbContext
                || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                || root.SyntaxTree.Options is not CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 })
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var call = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            if (call is not { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: InMemoryDatabaseAnalyzer.MethodName }, ArgumentList.Arguments.Count: 1 }
                || semanticModel.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { ReducedFrom: not null })
            {
                return null;
            }

            // The statement that holds the call must sit directly in the test method's body, outside any lambda.
            var statement = call.FirstAncestorOrSelf<StatementSyntax>();
            if (statement?.Parent is not BlockSyntax { Parent: MethodDeclarationSyntax method } body
                || method.Body != body
                || call.Ancestors().TakeWhile(n => n != statement).Any(n => n is AnonymousFunctionExpressionSyntax)
                || semanticModel.GetDeclaredSymbol(method, cancellationToken) is not { } methodSymbol
                || !TestCodeModel.For(compilation).IsTestMethod(methodSymbol))
            {
                return null;
            }

            var invocationsInTest = body.DescendantNodes().OfType<InvocationExpressionSyntax>().ToList();
            if (invocationsInTest.Count(i => MemberName(i) == InMemoryDatabaseAnalyzer.MethodName) != 1)
            {
                return null;
            }

            var alreadyEnsured = invocationsInTest.Any(i => MemberName(i) is "EnsureCreated" or "EnsureCreatedAsync" or "Migrate" or "MigrateAsync");
            string? context = null;
            StatementSyntax? ensureAfter = null;
            BlockSyntax? ensureInto = null;
            for (var index = body.Statements.IndexOf(statement); index < body.Statements.Count && context is null; index++)
            {
                switch (body.Statements[index])
                {
                    case LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration
                        when IsContext(semanticModel.GetDeclaredSymbol(declaration.Declaration.Variables[0], cancellationToken), dbContext):
                        context = declaration.Declaration.Variables[0].Identifier.ValueText;
                        ensureAfter = declaration;
                        break;
                    case UsingStatementSyntax { Declaration.Variables.Count: 1, Statement: BlockSyntax block } usingStatement
                        when IsContext(semanticModel.GetDeclaredSymbol(usingStatement.Declaration!.Variables[0], cancellationToken), dbContext):
                        context = usingStatement.Declaration!.Variables[0].Identifier.ValueText;
                        ensureInto = block;
                        break;
                }
            }

            if (context is null)
            {
                return null;
            }

            var connection = new[] { "connection", "sqliteConnection", "inMemoryConnection" }
                .FirstOrDefault(name => IsFree(name, method, statement, semanticModel));
            if (connection is null)
            {
                return null;
            }

            return alreadyEnsured
                ? new Plan(call, statement, connection, null, null, null)
                : new Plan(call, statement, connection, context, ensureAfter, ensureInto);
        }

        public void Apply(DocumentEditor editor)
        {
            var access = (MemberAccessExpressionSyntax)_call.Expression;
            var endOfLine = NewStatements.EndOfLine(_statement);
            editor.ReplaceNode(
                _call,
                _call.WithExpression(access.WithName(SyntaxFactory.IdentifierName("UseSqlite").WithTriviaFrom(access.Name)))
                    .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.Argument(SyntaxFactory.IdentifierName(_connection))))
                        .WithTriviaFrom(_call.ArgumentList)));

            if (_context is not null)
            {
                var ensure = NewStatements.Parse($"{_context}.Database.EnsureCreated();", endOfLine);
                if (_ensureAfter is not null)
                {
                    editor.InsertAfter(_ensureAfter, ensure);
                }
                else if (_ensureInto is { Statements.Count: > 0 } block)
                {
                    editor.InsertBefore(block.Statements[0], ensure);
                }
                else if (_ensureInto is not null)
                {
                    editor.ReplaceNode(_ensureInto, (current, _) => ((BlockSyntax)current).AddStatements(ensure));
                }
            }

            // The statements that open the connection take over the leading trivia (comments) of the
            // statement they precede.
            var connectionType = SyntaxFactory.ParseTypeName(SqliteConnectionType)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var declare = SyntaxFactory.LocalDeclarationStatement(
                    SyntaxFactory.VariableDeclaration(
                        SyntaxFactory.IdentifierName("var"),
                        SyntaxFactory.SingletonSeparatedList(
                            SyntaxFactory.VariableDeclarator(_connection)
                                .WithInitializer(SyntaxFactory.EqualsValueClause(
                                    SyntaxFactory.ObjectCreationExpression(connectionType)
                                        .WithArgumentList(SyntaxFactory.ParseArgumentList("(\"DataSource=:memory:\")")))))))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword))
                .WithLeadingTrivia(_statement.GetLeadingTrivia())
                .WithTrailingTrivia(endOfLine)
                .WithAdditionalAnnotations(Formatter.Annotation);
            var open = NewStatements.Parse($"{_connection}.Open();", endOfLine);
            editor.ReplaceNode(_statement, (current, _) => current.WithLeadingTrivia(SyntaxFactory.ElasticMarker));
            editor.InsertBefore(_statement, new SyntaxNode[] { declare, open });
        }

        private static string? MemberName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };

        private static bool IsContext(ISymbol? local, INamedTypeSymbol dbContext)
        {
            for (var type = (local as ILocalSymbol)?.Type; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, dbContext))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A name no symbol in scope has and that the method does not use anywhere.</summary>
        private static bool IsFree(string name, MethodDeclarationSyntax method, StatementSyntax statement, SemanticModel semanticModel)
            => semanticModel.LookupSymbols(statement.SpanStart, name: name).IsEmpty
            && !method.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name);
    }
}
