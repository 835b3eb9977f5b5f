using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers.Model;

/// <summary>
/// Which framework runs the tests of a type: read from the assembly that defines the test attribute
/// of its test methods (or a base class or interface of that attribute), so a compilation that
/// references two frameworks still gets one answer per type.
/// </summary>
internal static class TestFrameworkOf
{
    /// <summary>
    /// The framework of the first test method of <paramref name="type"/> or its base types; when it
    /// declares none (a base class of test classes), the compilation's framework if it references
    /// exactly one; otherwise <see cref="TestFramework.None"/>.
    /// </summary>
    public static TestFramework Type(TestCodeModel model, INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IMethodSymbol method || !model.IsTestMethod(method))
                {
                    continue;
                }

                foreach (var attribute in method.GetAttributes())
                {
                    var found = Attribute(attribute.AttributeClass);
                    if (found != TestFramework.None)
                    {
                        return found;
                    }
                }
            }
        }

        return model.Frameworks is TestFramework.XunitV2 or TestFramework.XunitV3 or TestFramework.NUnit or TestFramework.MSTest or TestFramework.TUnit
            ? model.Frameworks
            : TestFramework.None;
    }

    /// <summary>The framework that defines <paramref name="attributeClass"/>, one of its base classes or one of its interfaces.</summary>
    public static TestFramework Attribute(INamedTypeSymbol? attributeClass)
    {
        for (var current = attributeClass; current is not null; current = current.BaseType)
        {
            var found = Assembly(current.ContainingAssembly?.Name);
            if (found != TestFramework.None)
            {
                return found;
            }
        }

        if (attributeClass is not null)
        {
            foreach (var implemented in attributeClass.AllInterfaces)
            {
                var found = Assembly(implemented.ContainingAssembly?.Name);
                if (found != TestFramework.None)
                {
                    return found;
                }
            }
        }

        return TestFramework.None;
    }

    private static TestFramework Assembly(string? name) => Frameworks.OfAssembly(name)?.Id ?? TestFramework.None;
}
