using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace TestSmells.Analyzers.CodeFixes.Time;

/// <summary>
/// A reported fixed wait as the fixes of TST1001/TST1002 see it: the <c>Thread.Sleep</c>/<c>Task.Delay</c>
/// call, the whole wait expression around it (<c>await ...ConfigureAwait(..)</c>, <c>.Wait()</c>,
/// <c>.GetAwaiter().GetResult()</c>), where that expression stands, and the duration argument.
/// </summary>
internal sealed class FixedWaitShape
{
    private FixedWaitShape(ExpressionSyntax wait, ExpressionSyntax duration, bool durationIsTimeSpan)
    {
        Wait = wait;
        Duration = duration;
        DurationIsTimeSpan = durationIsTimeSpan;
    }

    /// <summary>The whole wait expression: the child of an expression statement or of an arrow body.</summary>
    public ExpressionSyntax Wait { get; }

    /// <summary>The expression statement of the wait, when it is one (null for an arrow body).</summary>
    public ExpressionStatementSyntax? Statement => Wait.Parent as ExpressionStatementSyntax;

    public ExpressionSyntax Duration { get; }

    public bool DurationIsTimeSpan { get; }

    public static FixedWaitShape? Find(SyntaxNode root, SemanticModel semanticModel, TextSpan span, CancellationToken cancellationToken)
    {
        if (root.FindNode(span, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
            || semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || operation.TargetMethod.Name is not ("Sleep" or "Delay"))
        {
            return null;
        }

        var first = operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
        if (first?.Syntax is not ArgumentSyntax argument || first.Parameter is null)
        {
            return null;
        }

        ExpressionSyntax wait = invocation;
        while (true)
        {
            var parent = wait.Parent;
            if (parent is AwaitExpressionSyntax awaited)
            {
                wait = awaited;
                continue;
            }

            if (parent is MemberAccessExpressionSyntax access
                && access.Expression == wait
                && access.Name.Identifier.ValueText is "ConfigureAwait" or "Wait" or "GetAwaiter" or "GetResult"
                && access.Parent is InvocationExpressionSyntax call
                && call.Expression == access)
            {
                wait = call;
                continue;
            }

            break;
        }

        if (wait.Parent is not (ExpressionStatementSyntax or ArrowExpressionClauseSyntax))
        {
            return null;
        }

        return new FixedWaitShape(wait, argument.Expression, first.Parameter.Type.Name == "TimeSpan");
    }
}
