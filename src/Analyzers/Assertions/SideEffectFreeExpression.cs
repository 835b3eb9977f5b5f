using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TestSmells.Analyzers.Assertions;

/// <summary>
/// Compares two expressions that read the same value twice without anything in between: literals,
/// locals, parameters, <c>this</c>, fields and instance properties (not indexers) over such receivers.
/// Method calls, static properties (<c>DateTime.Now</c>), indexers and anything else may return a
/// different value on the second read, so they are never "the same".
/// </summary>
internal static class SideEffectFreeExpression
{
    public static bool AreSame(IOperation left, IOperation right)
    {
        left = Unwrap(left);
        right = Unwrap(right);
        switch (left)
        {
            case ILiteralOperation { ConstantValue.HasValue: true } literal:
                return right is ILiteralOperation { ConstantValue.HasValue: true } other
                    && SymbolEqualityComparer.Default.Equals(literal.Type, other.Type)
                    && Equals(literal.ConstantValue.Value, other.ConstantValue.Value);
            case ILocalReferenceOperation local:
                return right is ILocalReferenceOperation otherLocal
                    && SymbolEqualityComparer.Default.Equals(local.Local, otherLocal.Local);
            case IParameterReferenceOperation parameter:
                return right is IParameterReferenceOperation otherParameter
                    && SymbolEqualityComparer.Default.Equals(parameter.Parameter, otherParameter.Parameter);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return right is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
            case IFieldReferenceOperation field:
                return right is IFieldReferenceOperation otherField
                    && SymbolEqualityComparer.Default.Equals(field.Field, otherField.Field)
                    && SameReceiver(field.Instance, otherField.Instance);
            case IPropertyReferenceOperation { Property.IsStatic: false, Property.IsIndexer: false, Arguments.Length: 0 } property:
                return right is IPropertyReferenceOperation otherProperty
                    && SymbolEqualityComparer.Default.Equals(property.Property, otherProperty.Property)
                    && SameReceiver(property.Instance, otherProperty.Instance);
            default:
                return false;
        }
    }

    private static bool SameReceiver(IOperation? left, IOperation? right)
        => left is null ? right is null : right is not null && AreSame(left, right);

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
