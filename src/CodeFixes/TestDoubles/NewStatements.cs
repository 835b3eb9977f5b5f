using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace TestSmells.Analyzers.CodeFixes.TestDoubles;

/// <summary>Statements that fixes insert, in the line-ending style of the file they go into.</summary>
internal static class NewStatements
{
    /// <summary>The end-of-line the file uses (the first one found), "\n" for a file without one.</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode anyNode)
    {
        foreach (var trivia in anyNode.SyntaxTree.GetRoot().DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return SyntaxFactory.ElasticEndOfLine(trivia.ToString());
            }
        }

        return SyntaxFactory.ElasticEndOfLine("\n");
    }

    /// <summary>A statement parsed from <paramref name="text"/>, ready for the formatter.</summary>
    public static StatementSyntax Parse(string text, SyntaxTrivia endOfLine)
        => Prepare(SyntaxFactory.ParseStatement(text), endOfLine);

    public static TStatement Prepare<TStatement>(TStatement statement, SyntaxTrivia endOfLine)
        where TStatement : StatementSyntax
        => statement
            .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
            .WithTrailingTrivia(endOfLine)
            .WithAdditionalAnnotations(Formatter.Annotation);
}
