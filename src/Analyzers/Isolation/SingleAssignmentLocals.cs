using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TestSmells.Analyzers.Isolation;

/// <summary>
/// The locals of one method body that are assigned exactly once, by their declaration's initializer,
/// and never written again (no assignment, increment, <c>ref</c>/<c>out</c> argument, or <c>ref</c>
/// alias). Built on demand for the body of a candidate finding, which is rare, so one walk per
/// candidate costs little; TST4006 and TST4007 use it to follow a local back to the value it holds.
/// </summary>
internal sealed class SingleAssignmentLocals
{
    private readonly Dictionary<ILocalSymbol, IOperation> _initializers;
    private readonly IOperation _root;

    private SingleAssignmentLocals(IOperation root, Dictionary<ILocalSymbol, IOperation> initializers)
    {
        _root = root;
        _initializers = initializers;
    }

    /// <summary>The outermost operation of the body that holds <paramref name="operation"/>.</summary>
    public static IOperation RootOf(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>Walks the body holding <paramref name="operation"/> once.</summary>
    public static SingleAssignmentLocals Of(IOperation operation)
    {
        var root = RootOf(operation);
        var initializers = new Dictionary<ILocalSymbol, IOperation>(SymbolEqualityComparer.Default);
        var written = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var descendant in root.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IVariableDeclaratorOperation declarator:
                    if (declarator.Initializer?.Value is { } value && !declarator.Symbol.IsRef)
                    {
                        initializers[declarator.Symbol] = value;
                    }
                    else
                    {
                        written.Add(declarator.Symbol);
                        MarkWritten(declarator.Initializer?.Value, written);
                    }

                    break;
                case IAssignmentOperation assignment:
                    MarkWritten(assignment.Target, written);
                    break;
                case IIncrementOrDecrementOperation increment:
                    MarkWritten(increment.Target, written);
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument:
                    MarkWritten(argument.Value, written);
                    break;
                case IDeclarationExpressionOperation declaration:
                    MarkWritten(declaration.Expression, written);
                    break;
            }
        }

        foreach (var local in written)
        {
            initializers.Remove(local);
        }

        return new SingleAssignmentLocals(root, initializers);
    }

    /// <summary>The only value <paramref name="local"/> ever holds, or null when it is written elsewhere too.</summary>
    public IOperation? ValueOf(ILocalSymbol local) => _initializers.TryGetValue(local, out var value) ? value : null;

    /// <summary>Every read of <paramref name="local"/> in the body.</summary>
    public IEnumerable<ILocalReferenceOperation> ReferencesTo(ILocalSymbol local)
    {
        foreach (var descendant in _root.Descendants())
        {
            if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                yield return reference;
            }
        }
    }

    private static void MarkWritten(IOperation? target, HashSet<ILocalSymbol> written)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                written.Add(local.Local);
                break;
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    MarkWritten(element, written);
                }

                break;
            case IDeclarationExpressionOperation declaration:
                MarkWritten(declaration.Expression, written);
                break;
        }
    }
}
