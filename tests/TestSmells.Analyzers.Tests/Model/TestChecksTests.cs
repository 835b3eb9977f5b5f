using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TestSmells.Analyzers.Model;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Model;

/// <summary>
/// "What does this test check", shared by TST2003, TST2004, TST2005 and TST3001: the same answers as walking every
/// helper, and a helper's body is walked only when the question needs it.
/// </summary>
public class TestChecksTests
{
    private const string Members = """
            private readonly Mock<IDisposable> _mock = new();

            [Test]
            public void AssertsItself() { Arrange(); Assert.Equal(1, 1); }

            [Test]
            public void AssertsInHelper() { Arrange(); Check(); }

            [Test]
            public void ChecksNothing() { Arrange(); }

            [Test]
            public void VerifiesInNamedHelper() { Arrange(); VerifyMocks(); }

            [Test]
            public void AssertsAndVerifiesInHelper() { Assert.True(true); VerifyMocks(); }

            [Test]
            public void CallsHelperThatDoesNotBind() { Arrange(); Broken(); }

            [Test]
            public void CallsNamedHelperThatChecksNothing() { AssertReady(); }

            [Test]
            public void DoesNotBindThenAsserts() { Missing.Call(); Broken(); Assert.Equal(1, 1); }

            [Test]
            public void AssertsThenDoesNotBind() { Assert.Equal(1, 1); Missing.Call(); }

            [Test]
            public void CallsHelperThatDoesNotBindThenVerifiesAndAsserts() { Broken(); _mock.Verify(m => m.Dispose()); Assert.True(true); }

            [Test]
            public void AssertsVerifiesThenDoesNotBind() { Assert.True(true); _mock.Verify(m => m.Dispose()); Missing.Call(); }

            private void Arrange() { _mock.Setup(m => m.Dispose()); }
            private void Check() { Assert.Equal(2, 2); }
            private void VerifyMocks() { _mock.Verify(m => m.Dispose()); }
            private void Broken() { Missing.Call(); }
            private void AssertReady() { Arrange(); }
        """;

    private static async Task<(Compilation Compilation, AssertionModel.Scope Scope)> CompileAsync()
    {
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV2, Libs.Moq, TestSource.Class(Flavor.XunitV2, Members, "using Moq;"));
        return (compilation, TestCodeModel.For(compilation).Assertions.Default);
    }

    private static (IMethodSymbol Method, ImmutableArray<IOperation> Blocks) Test(Compilation compilation, string test)
    {
        var tree = compilation.SyntaxTrees.Single();
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == test);
        var model = compilation.GetSemanticModel(tree);
        return ((IMethodSymbol)model.GetDeclaredSymbol(declaration)!, ImmutableArray.Create(model.GetOperation(declaration)!));
    }

    private static TestBody Of(Compilation compilation, AssertionModel.Scope scope, string test)
    {
        var (method, blocks) = Test(compilation, test);
        return TestChecks.Of(method, blocks, scope);
    }

    private static bool MayAssertUnseen(Compilation compilation, AssertionModel.Scope scope, string test)
    {
        var (method, blocks) = Test(compilation, test);
        return TestChecks.MayAssertUnseen(method, blocks, scope);
    }

    private static IMethodSymbol Helper(Compilation compilation, string name)
        => compilation.GetTypeByMetadataName("OrderTests")!.GetMembers(name).OfType<IMethodSymbol>().Single();

    [Fact]
    public async Task A_test_that_asserts_itself_checks_something_without_its_helpers_being_walked()
    {
        var (compilation, scope) = await CompileAsync();
        var body = Of(compilation, scope, "AssertsItself");

        Assert.True(body.MayCheckSomething());
        Assert.False(body.ChecksOnlyInteractions());
        Assert.False(scope.HasWalked(Helper(compilation, "Arrange")));
    }

    [Fact]
    public async Task A_test_whose_check_is_in_a_helper_is_answered_by_walking_the_helper()
    {
        var (compilation, scope) = await CompileAsync();

        Assert.True(Of(compilation, scope, "AssertsInHelper").MayCheckSomething());
        Assert.True(scope.HasWalked(Helper(compilation, "Check")));
        Assert.False(Of(compilation, scope, "ChecksNothing").MayCheckSomething());
    }

    [Fact]
    public async Task A_helper_named_for_an_assertion_counts_by_its_body_when_the_body_says_what_it_checks()
    {
        var (compilation, scope) = await CompileAsync();

        // VerifyMocks only verifies: the test checks interactions only (TST2005), though the name alone would count as an assertion.
        Assert.True(Of(compilation, scope, "VerifiesInNamedHelper").ChecksOnlyInteractions());
        Assert.Equal((AssertionKind.Interaction, false), Of(compilation, scope, "VerifiesInNamedHelper").Resolve());

        // AssertReady checks nothing in its body: its name is taken at its word.
        Assert.True(Of(compilation, scope, "CallsNamedHelperThatChecksNothing").MayCheckSomething());
        Assert.Equal((AssertionKind.Outcome, false), Of(compilation, scope, "CallsNamedHelperThatChecksNothing").Resolve());
    }

    [Fact]
    public async Task An_outcome_in_the_test_settles_only_interactions_without_the_verifying_helper()
    {
        var (compilation, scope) = await CompileAsync();

        Assert.False(Of(compilation, scope, "AssertsAndVerifiesInHelper").ChecksOnlyInteractions());
        Assert.False(scope.HasWalked(Helper(compilation, "VerifyMocks")));
    }

    [Fact]
    public async Task Code_that_does_not_bind_in_a_helper_may_be_the_check()
    {
        var (compilation, scope) = await CompileAsync();
        var body = Of(compilation, scope, "CallsHelperThatDoesNotBind");

        Assert.False(body.DirectlyUnresolved);
        Assert.True(MayAssertUnseen(compilation, scope, "CallsHelperThatDoesNotBind"));
        Assert.True(body.MayCheckSomething());
    }

    [Fact]
    public async Task The_walk_stops_at_the_last_assertion_and_the_unbound_code_before_it_is_found_when_asked()
    {
        var (compilation, scope) = await CompileAsync();
        var body = Of(compilation, scope, "DoesNotBindThenAsserts");

        // Walked from the end: the assertion settles "checks something"; the unbound call before it is not seen yet.
        Assert.False(body.Complete);
        Assert.False(body.DirectlyUnresolved);
        Assert.True(body.MayCheckSomething());
        Assert.False(scope.HasWalked(Helper(compilation, "Broken")));

        // TST2004's question walks the whole body.
        Assert.True(MayAssertUnseen(compilation, scope, "DoesNotBindThenAsserts"));
    }

    [Fact]
    public async Task Unbound_code_after_the_last_assertion_is_seen_before_it()
    {
        var (compilation, scope) = await CompileAsync();
        var body = Of(compilation, scope, "AssertsThenDoesNotBind");

        Assert.True(body.DirectlyUnresolved);
        Assert.True(body.MayCheckSomething());
        Assert.False(body.ChecksOnlyInteractions());
        Assert.True(MayAssertUnseen(compilation, scope, "AssertsThenDoesNotBind"));
    }

    [Fact]
    public async Task Unbound_code_in_a_helper_counts_even_when_the_test_verifies_and_asserts_itself()
    {
        var (compilation, scope) = await CompileAsync();

        Assert.True(MayAssertUnseen(compilation, scope, "CallsHelperThatDoesNotBindThenVerifiesAndAsserts"));
    }

    [Fact]
    public async Task Unbound_code_after_both_kinds_of_check_counts_too()
    {
        // The first version stopped its walk once it had seen an assertion and a verification, in source order,
        // and never saw the unbound call after them; TST2004 now stays silent on this test.
        var (compilation, scope) = await CompileAsync();

        Assert.True(MayAssertUnseen(compilation, scope, "AssertsVerifiesThenDoesNotBind"));
    }

    [Fact]
    public async Task Rules_asking_about_the_same_test_one_after_the_other_share_its_walk()
    {
        var (compilation, scope) = await CompileAsync();

        var first = Of(compilation, scope, "AssertsItself");

        // The same test again (TST2003 after TST3001): the same answer object, not a second walk.
        Assert.Same(first, Of(compilation, scope, "AssertsItself"));

        // Another test, or the same test under another configuration, is walked anew.
        Assert.NotSame(first, Of(compilation, scope, "ChecksNothing"));
        var configured = TestCodeModel.For(compilation).Assertions.For(
            new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestConfigOptionsProvider("test_smells.assertion_methods = Check")),
            compilation.SyntaxTrees.Single());
        Assert.NotSame(scope, configured);
        Assert.NotSame(Of(compilation, scope, "AssertsItself"), Of(compilation, configured, "AssertsItself"));
    }
}
