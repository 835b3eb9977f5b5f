using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.CodeFixes.Time;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.Analyzers.Time;

namespace TestSmells.Analyzers.Tests.Time;

/// <summary>
/// What <c>dotnet format analyzers --diagnostics TST1004</c> does to a project: Fix All over the
/// solution, with several types, a partial type split over two files, several reads per type.
/// Each type must get exactly one TimeProvider, and the result must compile and be clean.
/// </summary>
public class InjectTimeProviderFixAllTests
{
    internal const string OrdersPart1 = """
        using System;

        public partial class Orders
        {
            public DateTime Created() => {|TST1004:DateTime.UtcNow|};

            public DateTime Placed() => {|TST1004:DateTime.Now|};
        }

        public class Shipping
        {
            public Shipping(int days) => Days = days;

            public Shipping() : this(3) { }

            public int Days { get; }

            public DateTimeOffset Eta() => {|TST1004:DateTimeOffset.Now|}.AddDays(Days);
        }
        """;

    internal const string OrdersPart2 = """
        using System;

        public partial class Orders
        {
            private readonly string _name;

            public Orders(string name) => _name = name;

            public string Today() => _name + {|TST1004:DateTime.Today|};
        }

        public record Billing(decimal Amount)
        {
            public DateTime Due => {|TST1004:DateTime.UtcNow|}.AddDays(30);

            public DateTime Sent => {|TST1004:DateTime.Now|};
        }
        """;

    internal const string FixedPart1 = """
        using System;

        public partial class Orders
        {
            public DateTime Created() => _timeProvider.GetUtcNow().UtcDateTime;

            public DateTime Placed() => _timeProvider.GetLocalNow().DateTime;
        }

        public class Shipping
        {
            private readonly TimeProvider _timeProvider;

            public Shipping(int days, TimeProvider timeProvider = null)
            {
                _timeProvider = timeProvider ?? TimeProvider.System;
                Days = days;
            }

            public Shipping() : this(3) { }

            public Shipping(TimeProvider timeProvider) : this()
            {
                _timeProvider = timeProvider;
            }

            public int Days { get; }

            public DateTimeOffset Eta() => _timeProvider.GetLocalNow().AddDays(Days);
        }
        """;

    internal const string FixedPart2 = """
        using System;

        public partial class Orders
        {
            private readonly string _name;
            private readonly TimeProvider _timeProvider;

            public Orders(string name, TimeProvider timeProvider = null)
            {
                _timeProvider = timeProvider ?? TimeProvider.System;
                _name = name;
            }

            public string Today() => _name + _timeProvider.GetLocalNow().Date;
        }

        public record Billing(decimal Amount)
        {
            private readonly TimeProvider _timeProvider = TimeProvider.System;

            public Billing(decimal Amount, TimeProvider timeProvider) : this(Amount)
            {
                _timeProvider = timeProvider;
            }

            public DateTime Due => _timeProvider.GetUtcNow().UtcDateTime.AddDays(30);

            public DateTime Sent => _timeProvider.GetLocalNow().DateTime;
        }
        """;

    [Fact]
    public async Task Fix_all_in_the_solution_injects_one_TimeProvider_per_type()
    {
        var test = new CSharpCodeFixTest<AmbientClockAnalyzer, InjectTimeProviderCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = References.For(null),
            CodeActionEquivalenceKey = InjectTimeProviderCodeFix.EquivalenceKey,
        };
        test.TestState.Sources.Add(("/0/Orders.cs", OrdersPart1));
        test.TestState.Sources.Add(("/0/Billing.cs", OrdersPart2));
        test.FixedState.Sources.Add(("/0/Orders.cs", FixedPart1));
        test.FixedState.Sources.Add(("/0/Billing.cs", FixedPart2));
        await Harness.VerifyAsync(test);

        var compilation = await AllAnalyzers.CompileAsync(null, Libs.None, FixedPart1, FixedPart2);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(await AllAnalyzers.RunAsync(compilation));
        foreach (var typeName in new[] { "Orders", "Shipping", "Billing" })
        {
            var type = compilation.GetTypeByMetadataName(typeName)!;
            var providers = type.GetMembers().OfType<IFieldSymbol>().Count(f => f.Type.Name == "TimeProvider");
            Assert.True(providers == 1, $"{typeName} holds {providers} TimeProvider fields");
            var constructors = type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared && c.Parameters.All(p => p.Type.Name != typeName)).ToList();
            Assert.All(constructors, c => Assert.True(c.Parameters.Count(p => p.Type.Name == "TimeProvider") <= 1));
            Assert.Contains(constructors, c => c.Parameters.Any(p => p.Type.Name == "TimeProvider"));
        }

        // Every constructor the callers used is still there, with the same parameters.
        foreach (var (typeName, parameters) in new[] { ("Orders", "String"), ("Shipping", "Int32"), ("Shipping", ""), ("Billing", "Decimal") })
        {
            var type = compilation.GetTypeByMetadataName(typeName)!;
            Assert.Contains(type.InstanceConstructors, c => string.Join(",", c.Parameters.Where(p => !p.IsOptional).Select(p => p.Type.Name)) == parameters);
        }
    }

    [Fact]
    public async Task Fix_all_across_projects_fixes_each_project_once()
    {
        const string Other = """
            using System;

            public class Audit
            {
                public DateTimeOffset Stamp() => {|TST1004:DateTimeOffset.UtcNow|};
            }
            """;
        const string OtherFixed = """
            using System;

            public class Audit
            {
                private readonly TimeProvider _timeProvider;

                public Audit() : this(TimeProvider.System)
                {
                }

                public Audit(TimeProvider timeProvider)
                {
                    _timeProvider = timeProvider;
                }

                public DateTimeOffset Stamp() => _timeProvider.GetUtcNow();
            }
            """;
        var test = new CSharpCodeFixTest<AmbientClockAnalyzer, InjectTimeProviderCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = References.For(null),
            CodeActionEquivalenceKey = InjectTimeProviderCodeFix.EquivalenceKey,
        };
        test.TestState.Sources.Add(("/0/Orders.cs", OrdersPart1));
        test.TestState.Sources.Add(("/0/Billing.cs", OrdersPart2));
        test.TestState.AdditionalProjects["Audit"].Sources.Add(("/1/Audit.cs", Other));
        test.FixedState.Sources.Add(("/0/Orders.cs", FixedPart1));
        test.FixedState.Sources.Add(("/0/Billing.cs", FixedPart2));
        test.FixedState.AdditionalProjects["Audit"].Sources.Add(("/1/Audit.cs", OtherFixed));
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck;
        await Harness.VerifyAsync(test);
    }
}
