using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TestSmells.Analyzers.Model;

/// <summary>A test double creation found in code: the library (its <see cref="LibraryApi"/>) and the type(s) it doubles.</summary>
internal readonly struct MockCreation
{
    public MockCreation(LibraryApi library, ImmutableArray<ITypeSymbol> mockedTypes)
    {
        Library = library;
        MockedTypes = mockedTypes;
    }

    public LibraryApi Library { get; }

    public ImmutableArray<ITypeSymbol> MockedTypes { get; }

    public bool IsMock => Library != LibraryApi.None;
}

/// <summary>
/// The mock-creation entry points of Moq (<c>new Mock&lt;T&gt;</c>, <c>Mock.Of&lt;T&gt;</c>,
/// <c>MockRepository.Create&lt;T&gt;</c>, <c>Of&lt;T&gt;</c>, <c>OneOf&lt;T&gt;</c>), NSubstitute (<c>Substitute.For</c>, <c>ForPartsOf</c>,
/// <c>ForTypeForwardingTo</c>), FakeItEasy (<c>A.Fake&lt;T&gt;</c>, <c>new Fake&lt;T&gt;</c>,
/// <c>A.CollectionOfFake&lt;T&gt;</c>) and MockQueryable (<c>BuildMock</c>, <c>BuildMockDbSet</c>;
/// there the mocked type is the type of the double the helper returns).
/// </summary>
internal sealed class MockModel
{
    private readonly ImmutableHashSet<INamedTypeSymbol> _mockOfT;
    private readonly ImmutableHashSet<INamedTypeSymbol> _moqStatic;
    private readonly ImmutableHashSet<INamedTypeSymbol> _moqRepository;
    private readonly ImmutableHashSet<INamedTypeSymbol> _substitute;
    private readonly ImmutableHashSet<INamedTypeSymbol> _fakeItEasyA;
    private readonly ImmutableHashSet<INamedTypeSymbol> _fakeOfT;

    public MockModel(Compilation compilation)
    {
        _mockOfT = TypeLookup.FindAll(compilation, Libraries.Moq.DoubleTypes);
        _moqStatic = TypeLookup.FindAll(compilation, Libraries.Moq.FactoryTypes);
        _moqRepository = TypeLookup.FindAll(compilation, Libraries.Moq.RepositoryTypes);
        _substitute = TypeLookup.FindAll(compilation, Libraries.NSubstitute.FactoryTypes);
        _fakeItEasyA = TypeLookup.FindAll(compilation, Libraries.FakeItEasy.FactoryTypes);
        _fakeOfT = TypeLookup.FindAll(compilation, Libraries.FakeItEasy.DoubleTypes);
        HasMockingLibrary = !(_mockOfT.IsEmpty && _substitute.IsEmpty && _fakeItEasyA.IsEmpty && _fakeOfT.IsEmpty);
    }

    /// <summary>False when the compilation references none of the supported mocking libraries.</summary>
    public bool HasMockingLibrary { get; }

    /// <summary>Recognises a test double creation; returns a value whose <see cref="MockCreation.IsMock"/> is false otherwise.</summary>
    public MockCreation Recognize(IOperation operation)
    {
        switch (operation)
        {
            case IObjectCreationOperation { Type: INamedTypeSymbol created } when created.IsGenericType:
                if (_mockOfT.Contains(created.OriginalDefinition))
                {
                    return new MockCreation(LibraryApi.Moq, created.TypeArguments);
                }

                if (_fakeOfT.Contains(created.OriginalDefinition))
                {
                    return new MockCreation(LibraryApi.FakeItEasy, created.TypeArguments);
                }

                break;

            case IInvocationOperation invocation:
                return RecognizeInvocation(invocation.TargetMethod);
        }

        return default;
    }

    private MockCreation RecognizeInvocation(IMethodSymbol method)
    {
        if (method.TypeArguments.IsEmpty)
        {
            return default;
        }

        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return default;
        }

        switch (method.Name)
        {
            case "Of" when _moqStatic.Contains(type):
            case "Create" or "Of" or "OneOf" when _moqRepository.Contains(type):
                return new MockCreation(LibraryApi.Moq, method.TypeArguments);
            case "For" or "ForPartsOf" or "ForTypeForwardingTo" when _substitute.Contains(type):
                return new MockCreation(LibraryApi.NSubstitute, method.TypeArguments);
            case "Fake" or "CollectionOfFake" when _fakeItEasyA.Contains(type):
                return new MockCreation(LibraryApi.FakeItEasy, method.TypeArguments);
            case "BuildMock" or "BuildMockDbSet"
                when Libraries.MockQueryable.OwnsAssembly(method.ContainingAssembly?.Name):
                // The double is what the helper returns (a DbSet<T>, an IQueryable<T>), not the
                // entity type argument; Moq flavours return the Mock<X> that wraps it.
                return new MockCreation(LibraryApi.MockQueryable, ImmutableArray.Create(UnwrapMock(method.ReturnType)));
        }

        return default;
    }

    private ITypeSymbol UnwrapMock(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true } named
            && (_mockOfT.Contains(named.OriginalDefinition) || _fakeOfT.Contains(named.OriginalDefinition))
            ? named.TypeArguments[0]
            : type;
}
