using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Robustness;

/// <summary>
/// One <c>dotnet format analyzers</c> pass (replayed by <see cref="DotnetFormatReplay"/>) over a solution of a
/// production library and two test projects (xUnit v2 and NUnit) that construct its types: the pass must
/// leave every project compiling, fix every finding that has a fix (each with the fix that fits it), and
/// log no "Unable to fix".
/// </summary>
public class OnePassFormatTests
{
    private const string Production = """
        using System;

        namespace Orders;

        public class Ticket
        {
            public bool IsOld(DateTime created) => DateTime.UtcNow - created > TimeSpan.FromDays(1);
        }

        public class Reservations
        {
            private readonly string _name;

            public Reservations() : this("default") { }

            public Reservations(string name) { _name = name; }

            public Reservations(string name, params int[] seats) { _name = name + seats.Length; }

            public string Stamp() => _name + DateTime.Now.Ticks;
        }

        public class Quota
        {
            private readonly int _max;

            public Quota(int max) { _max = max; }

            public Quota(int max, string label = "") { _max = max + label.Length; }

            public bool Open() => DateTime.Today.Day < _max;
        }

        public record Invoice(decimal Amount)
        {
            public bool IsDue() => DateTime.UtcNow.Day > 15;
        }

        public class Account
        {
            public required string Owner { get; init; }

            public DateTimeOffset Opened() => DateTimeOffset.UtcNow;
        }

        public class Trial(int days)
        {
            public bool Expired(DateTime start) => DateTime.UtcNow > start.AddDays(days);
        }

        public abstract class Job
        {
            protected Job(int priority) { Priority = priority; }

            public int Priority { get; }

            public DateTime Due() => DateTime.UtcNow.AddMinutes(Priority);
        }

        public sealed class Cleanup : Job
        {
            public Cleanup() : base(1) { }
        }

        public class Worker
        {
            public bool Done { get; private set; }

            public void Start() => System.Threading.Tasks.Task.Run(() => Done = true);
        }
        """;

    private const string XunitTests = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Time.Testing;
        using Orders;
        using Xunit;

        public class OrdersTests
        {
            private static T Make<T>() where T : new() => new T();

            [Fact]
            public void Constructs_everything()
            {
                new Invoice(3m).Deconstruct(out var amount);
                var made = new object[]
                {
                    new Ticket(), Make<Ticket>(), Activator.CreateInstance<Reservations>(), new Reservations("a"),
                    new Reservations("a", 1, 2), new Quota(3), new Quota(3, "x"), amount,
                    new Account { Owner = "ann" }, new Trial(3), new Cleanup(),
                };
                Assert.Equal(11, made.Length);
            }

            [Fact]
            public void Worker_finishes()
            {
                var worker = new Worker();
                worker.Start();
                Thread.Sleep(200);
                Assert.True(worker.Done);
            }

            [Fact]
            public void Ticket_gets_old()
            {
                var clock = new FakeTimeProvider();
                var created = clock.GetUtcNow().UtcDateTime;
                Thread.Sleep(TimeSpan.FromDays(2));
                Assert.True(clock.GetUtcNow().UtcDateTime - created > TimeSpan.FromDays(1));
            }

            [Fact]
            public async Task Worker_finishes_later()
            {
                var worker = new Worker();
                worker.Start();
                await Task.Delay(100);
                Assert.True(worker.Done);
            }

            [Fact]
            public void Stamps()
            {
                var now = DateTime.UtcNow;
                Console.WriteLine("stamped");
                Assert.True(now.Year > 2000);
            }

            [Fact]
            public void Settles()
            {
                new Worker().Start();
                Thread.Sleep(50);
            }
        }
        """;

    private const string NUnitTests = """
        using System;
        using System.Threading;
        using Orders;
        using NUnit.Framework;

        public class BillingTests
        {
            [Test]
            public void Constructs()
            {
                Assert.That(new Reservations().Stamp(), Does.StartWith("default"));
                Assert.That(new Invoice(1m).Amount, Is.EqualTo(1m));
                Assert.That(new Account { Owner = "bo" }.Owner, Is.EqualTo("bo"));
            }

            [Test]
            public void Worker_finishes()
            {
                var worker = new Worker();
                worker.Start();
                Thread.Sleep(200);
                Assert.That(worker.Done, Is.True);
            }

            [Test]
            public void Stamps()
            {
                Assert.That(DateTimeOffset.Now.Year, Is.GreaterThan(2000));
            }
        }
        """;

    private static async Task<Solution> SolutionAsync()
    {
        var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var production = ProjectId.CreateNewId("Orders");
        solution = await AddAsync(solution, production, "Orders", null, Libs.None, Production);
        solution = await AddAsync(solution, ProjectId.CreateNewId("Orders.XunitTests"), "Orders.XunitTests", Flavor.XunitV2, Libs.TimeProviderTesting, XunitTests, production);
        solution = await AddAsync(solution, ProjectId.CreateNewId("Orders.NUnitTests"), "Orders.NUnitTests", Flavor.NUnit4, Libs.None, NUnitTests, production);
        return solution;
    }

    private static async Task<Solution> AddAsync(Solution solution, ProjectId id, string name, Flavor? flavor, Libs libs, string source, ProjectId? reference = null)
    {
        var references = (await References.For(flavor, libs).ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(References.Additional(flavor));
        var info = ProjectInfo.Create(
            id,
            VersionStamp.Default,
            name,
            name,
            LanguageNames.CSharp,
            filePath: $"/sln/{name}/{name}.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references,
            projectReferences: reference is null ? null : new[] { new ProjectReference(reference) });
        solution = solution.AddProject(info);
        return solution.AddDocument(DocumentId.CreateNewId(id), name + ".cs", SourceText.From(source), filePath: $"/sln/{name}/{name}.cs");
    }

    private static async Task<List<Diagnostic>> FindingsAsync(Solution solution)
    {
        var all = new List<Diagnostic>();
        foreach (var project in solution.Projects)
        {
            all.AddRange(await DotnetFormatReplay.FindingsAsync(project));
        }

        return all;
    }

    private static async Task<string> TextAsync(Solution solution, string project)
        => (await solution.Projects.Single(p => p.Name == project).Documents.Single().GetTextAsync()).ToString();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task One_pass_fixes_every_fixable_finding_and_keeps_the_solution_compiling(bool reverseFixers)
    {
        var solution = await SolutionAsync();
        var initialErrors = await DotnetFormatReplay.CompileErrorsAsync(solution);
        Assert.True(initialErrors.Count == 0, string.Join("\n", initialErrors));
        var before = await FindingsAsync(solution);

        var (fixedSolution, log) = await DotnetFormatReplay.RunAsync(solution, DotnetFormatReplay.FixableIds, reverseFixers);

        var errors = await DotnetFormatReplay.CompileErrorsAsync(fixedSolution);
        var after = await FindingsAsync(fixedSolution);
        var production = await TextAsync(fixedSolution, "Orders");
        var xunit = await TextAsync(fixedSolution, "Orders.XunitTests");
        var nunit = await TextAsync(fixedSolution, "Orders.NUnitTests");
        var report = $"before: {before.Count}, after: {after.Count}\n{string.Join("\n", after)}\nlog:\n{string.Join("\n", log)}\nerrors:\n{string.Join("\n", errors)}\n{production}\n{xunit}\n{nunit}";

        Assert.True(errors.Count == 0, report);
        Assert.True(log.Count == 0, report);

        // 7 TST1004 (production), 4 TST1001, 1 TST1002, 2 TST1003, 1 TST5002 (tests), and the TST3001 of
        // the test that ends with its wait.
        var fixable = DotnetFormatReplay.FixableIds;
        Assert.True(before.Count(d => fixable.Contains(d.Id)) == 15 && before.Count == 16 && before.Count(d => d.Id == "TST1004") == 7, report);

        // Left: that wait (nothing to poll for, no fake clock) and the TST3001 (no fix).
        Assert.True(after.Count(d => fixable.Contains(d.Id)) == 1 && after.Single(d => fixable.Contains(d.Id)).GetMessage().Contains("Thread.Sleep(50)"), report);
        Assert.True(after.Count == 2, report);

        // The production types keep the constructors their callers use.
        Assert.Contains("public Ticket() : this(TimeProvider.System)", production);
        Assert.Contains("public Reservations(string name, int[] seats, TimeProvider timeProvider) : this(name, seats)", production);
        Assert.Contains("public Quota(int max, TimeProvider timeProvider) : this(max)", production);
        Assert.Contains("public Invoice(decimal Amount, TimeProvider timeProvider) : this(Amount)", production);
        Assert.Contains("protected Job(int priority, TimeProvider? timeProvider = null)", production);
        Assert.Contains("_timeProvider = timeProvider ?? TimeProvider.System;", production);

        // Each wait got the fix that fits it, in the same pass.
        Assert.Contains("clock.Advance(TimeSpan.FromDays(2));", xunit);
        Assert.Contains("SpinWait.SpinUntil(() => worker.Done", xunit);
        Assert.Contains("SpinWait.SpinUntil(() => worker.Done", nunit);
        Assert.Contains("for (var poll = Stopwatch.StartNew(); !worker.Done", xunit);
        Assert.Contains("Thread.Sleep(50);", xunit);

        // The console write goes to xUnit's output.
        Assert.Contains("ITestOutputHelper", xunit);
    }

    /// <summary>
    /// dotnet format asks every fixer of a rule, the later ones after the first has fixed everything (they
    /// get no findings), with whatever key: each must still answer with an action, which then changes nothing.
    /// </summary>
    [Fact]
    public async Task Every_fix_all_answers_with_an_action_when_nothing_is_left_to_fix()
    {
        var solution = await SolutionAsync();
        var document = solution.Projects.Single(p => p.Name == "Orders.XunitTests").Documents.Single();
        var missing = new List<string>();
        foreach (var fixer in DotnetFormatReplay.Fixers)
        {
            foreach (var id in fixer.FixableDiagnosticIds)
            {
                foreach (var key in new[] { null, "TST0000.SomeOtherFix" })
                {
                    var context = new FixAllContext(document, fixer, FixAllScope.Solution, key!, new[] { id }, new NoFindings(), CancellationToken.None);
                    var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
                    var changed = action is null
                        ? null
                        : (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution;
                    if (changed is null || changed.GetChanges(solution).GetProjectChanges().Any())
                    {
                        missing.Add($"{fixer.GetType().Name} {id} key '{key}': {(action is null ? "no action" : changed is null ? "no ApplyChangesOperation" : "changed the solution")}");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    private sealed class NoFindings : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
