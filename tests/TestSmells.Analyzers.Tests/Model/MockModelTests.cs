using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Model;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Model;

/// <summary>Every mock-creation entry point of Moq, NSubstitute and FakeItEasy, against the real packages.</summary>
public class MockModelTests
{
    public static TheoryData<Libs, string, string, string, string> Cases() => new()
    {
        { Libs.Moq, "using Moq;", "new Mock<IDisposable>()", "Moq", "System.IDisposable" },
        { Libs.Moq, "using Moq;", "new Mock<IDisposable>(MockBehavior.Strict)", "Moq", "System.IDisposable" },
        { Libs.Moq, "using Moq;", "Mock.Of<IDisposable>()", "Moq", "System.IDisposable" },
        { Libs.Moq, "using Moq;", "new MockRepository(MockBehavior.Default).Create<IServiceProvider>()", "Moq", "System.IServiceProvider" },
        { Libs.NSubstitute, "using NSubstitute;", "Substitute.For<IDisposable>()", "NSubstitute", "System.IDisposable" },
        { Libs.NSubstitute, "using NSubstitute;", "Substitute.For<IDisposable, IServiceProvider>()", "NSubstitute", "System.IDisposable,System.IServiceProvider" },
        { Libs.NSubstitute, "using NSubstitute;", "Substitute.ForPartsOf<System.IO.MemoryStream>()", "NSubstitute", "System.IO.MemoryStream" },
        { Libs.FakeItEasy, "using FakeItEasy;", "A.Fake<IDisposable>()", "FakeItEasy", "System.IDisposable" },
        { Libs.FakeItEasy, "using FakeItEasy;", "new Fake<IDisposable>()", "FakeItEasy", "System.IDisposable" },
        { Libs.FakeItEasy, "using FakeItEasy;", "A.CollectionOfFake<IDisposable>(2)", "FakeItEasy", "System.IDisposable" },
        { Libs.Moq, "using Moq;", "new System.Collections.Generic.List<IDisposable>()", "None", "" },
        { Libs.NSubstitute, "using NSubstitute;", "Guid.NewGuid()", "None", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Recognises_each_creation_entry_point(Libs libs, string usings, string expression, string libraryName, string mockedTypes)
    {
        var library = (LibraryApi)System.Enum.Parse(typeof(LibraryApi), libraryName);
        var source = TestSource.Test(Flavor.XunitV2, $"var created = {expression};", extraUsings: usings);
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV2, libs, source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var tree = compilation.SyntaxTrees.Single();
        var initializer = tree.GetRoot().DescendantNodes().OfType<EqualsValueClauseSyntax>().Single().Value;
        var operation = compilation.GetSemanticModel(tree).GetOperation(initializer)!;

        var mocks = TestCodeModel.For(compilation).Mocks;
        var creation = mocks.Recognize(operation);

        Assert.True(mocks.HasMockingLibrary);
        Assert.Equal(library, creation.Library);
        Assert.Equal(library != LibraryApi.None, creation.IsMock);
        Assert.Equal(mockedTypes, creation.IsMock ? string.Join(",", creation.MockedTypes.Select(t => t.ToDisplayString())) : "");
    }

    [Fact]
    public async Task Without_a_mocking_library_nothing_is_a_mock()
    {
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV3, Libs.None, TestSource.Test(Flavor.XunitV3, "var x = new object();"));
        Assert.False(TestCodeModel.For(compilation).Mocks.HasMockingLibrary);
    }
}
