using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TestSmells.Analyzers.Isolation;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST4005 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Isolation.HardCodedPortAnalyzer>;

namespace TestSmells.Analyzers.Tests.Isolation;

public class HardCodedPortAnalyzerTests
{
    private const string Net = "using System.Net;\nusing System.Net.Sockets;\nusing System.Net.Http;";

    /// <summary>Just enough of ASP.NET Core's hosting API (same metadata names) to compile the Kestrel shapes.</summary>
    private const string AspNetCore = """

        namespace Microsoft.AspNetCore.Hosting
        {
            public interface IWebHostBuilder { }
            public static class HostingAbstractionsWebHostBuilderExtensions
            {
                public static IWebHostBuilder UseUrls(this IWebHostBuilder hostBuilder, params string[] urls) => hostBuilder;
            }
        }

        namespace Microsoft.AspNetCore.Server.Kestrel.Core
        {
            public class KestrelServerOptions
            {
                public void Listen(System.Net.IPAddress address, int port) { }
                public void Listen(System.Net.IPEndPoint endPoint) { }
                public void ListenLocalhost(int port) { }
                public void ListenAnyIP(int port) { }
            }
        }

        namespace Microsoft.AspNetCore.Builder
        {
            public sealed class WebApplication
            {
                public System.Collections.Generic.ICollection<string> Urls { get; } = new System.Collections.Generic.List<string>();
                public void Run(string? url = null) { }
            }
        }
        """;

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_listener_on_a_fixed_port_is_reported(Flavor flavor)
        => VerifyTST4005.AnalyzerAsync(
            TestSource.Test(flavor, """
                var listener = new TcpListener(IPAddress.Loopback, {|TST4005:5000|});
                listener.Start();
                listener.Stop();
                """, extraUsings: Net),
            flavor);

    [Fact]
    public Task Every_socket_bind_shape_is_reported()
        => VerifyTST4005.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV3, """
                const int Port = 6000;
                var a = new TcpListener({|TST4005:Port|});
                var b = TcpListener.Create({|TST4005:6001|});
                var endPoint = new IPEndPoint(IPAddress.Any, {|TST4005:6002|});
                var c = new TcpListener(endPoint);
                using var udp = new UdpClient({|TST4005:6003|});
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, {|TST4005:6004|}));
                var http = new HttpListener();
                http.Prefixes.Add({|TST4005:"http://localhost:6005/"|});
                http.Prefixes.Add({|TST4005:"http://+:6006/orders/"|});
                GC.KeepAlive(a); GC.KeepAlive(b); GC.KeepAlive(c);
                """, extraUsings: Net),
            Flavor.XunitV3);

    [Fact]
    public Task Kestrel_and_web_host_urls_on_a_fixed_port_are_reported()
        => VerifyTST4005.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                    [Test]
                    public void Works()
                    {
                        var options = new KestrelServerOptions();
                        options.Listen(IPAddress.Loopback, {|TST4005:7000|});
                        options.Listen(new IPEndPoint(IPAddress.Any, {|TST4005:7001|}));
                        options.ListenLocalhost({|TST4005:7002|});
                        options.ListenAnyIP({|TST4005:7003|});
                        IWebHostBuilder builder = null!;
                        builder.UseUrls({|TST4005:"http://localhost:7004"|}, {|TST4005:"https://*:7005"|});
                        builder.UseUrls({|TST4005:"http://127.0.0.1:7006;http://127.0.0.1:7007"|});
                        var app = new WebApplication();
                        app.Urls.Add({|TST4005:"http://0.0.0.0:7008"|});
                        app.Run({|TST4005:"http://[::1]:7009"|});
                    }
                """, Net + "\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Hosting;\nusing Microsoft.AspNetCore.Server.Kestrel.Core;") + AspNetCore,
            Flavor.NUnit4);

    [Fact]
    public Task Port_zero_and_a_port_chosen_at_run_time_are_not_reported()
        => VerifyTST4005.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, """
                    [Fact]
                    public async Task Works()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                        using var client = new TcpClient();
                        await client.ConnectAsync("localhost", port);
                        using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
                        var options = new KestrelServerOptions();
                        options.Listen(IPAddress.Loopback, 0);
                        IWebHostBuilder builder = null!;
                        builder.UseUrls("http://127.0.0.1:0", $"http://localhost:{port}", "http://localhost");
                        listener.Stop();
                    }
                """, Net + "\nusing Microsoft.AspNetCore.Hosting;\nusing Microsoft.AspNetCore.Server.Kestrel.Core;") + AspNetCore,
            Flavor.XunitV2);

    [Fact]
    public Task A_client_to_a_fixed_local_port_is_reported_when_the_class_starts_a_listener()
        => VerifyTST4005.AnalyzerAsync(
            TestSource.Class(Flavor.MSTest4, """
                    private TcpListener? _listener;

                    [TestInitialize]
                    public void Start()
                    {
                        _listener = new TcpListener(IPAddress.Loopback, 0);
                        _listener.Start();
                    }

                    [TestMethod]
                    public async Task Works()
                    {
                        using var client = new TcpClient("localhost", {|TST4005:8000|});
                        await client.ConnectAsync(IPAddress.Loopback, {|TST4005:8001|});
                        using var http = new HttpClient { BaseAddress = new Uri({|TST4005:"http://127.0.0.1:8002/"|}) };
                        await http.GetAsync({|TST4005:"http://localhost:8003/orders"|});
                        await http.GetAsync("http://example.com:8004/orders");
                        client.Connect(new IPEndPoint(IPAddress.Parse("10.1.2.3"), 8005));
                    }
                """, Net),
            Flavor.MSTest4);

    [Fact]
    public Task A_url_used_as_data_is_not_reported()
        => VerifyTST4005.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV3, """
                    [Fact]
                    public async Task Works()
                    {
                        // A TestServer / WebApplicationFactory client never binds a socket.
                        using var http = new HttpClient { BaseAddress = new Uri("http://localhost:5000") };
                        var response = await http.GetAsync("http://localhost:5000/orders");
                        using var client = new TcpClient("localhost", 6379);
                        Assert.Equal("http://localhost:5000/", http.BaseAddress!.ToString());
                        Assert.Equal(5000, new IPEndPoint(IPAddress.Loopback, 5000).Port);
                        GC.KeepAlive(response);
                    }
                """, Net),
            Flavor.XunitV3);

    [Fact]
    public Task Nested_fakes_production_code_and_expression_trees_are_not_reported()
        => VerifyTST4005.AnalyzerAsync(
            """
            using System;
            using System.Net;
            using System.Net.Sockets;
            using Xunit;

            public class Server
            {
                public TcpListener Start() => new TcpListener(IPAddress.Any, 5000);
            }

            public class ServerTests
            {
                private sealed class FakeUpstream
                {
                    public TcpListener Start() => new TcpListener(IPAddress.Loopback, 5001);
                }

                [Fact]
                public void Starts()
                {
                    System.Linq.Expressions.Expression<Func<TcpListener>> described = () => new TcpListener(IPAddress.Loopback, 5002);
                    Assert.NotNull(described);
                }
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task The_message_names_the_api_and_the_port()
        => VerifyTST4005.AnalyzerAsync(
            TestSource.Test(Flavor.TUnit, """
                var listener = new TcpListener(IPAddress.Loopback, {|#0:5000|});
                var http = new HttpListener();
                http.Prefixes.Add({|#1:"http://localhost:5001/"|});
                GC.KeepAlive(listener);
                """, extraUsings: Net),
            Flavor.TUnit,
            expected: new[]
            {
                VerifyTST4005.Diagnostic("TST4005").WithSeverity(DiagnosticSeverity.Info).WithLocation(0).WithArguments("new TcpListener", "5000"),
                VerifyTST4005.Diagnostic("TST4005").WithSeverity(DiagnosticSeverity.Info).WithLocation(1).WithArguments("HttpListener prefix", "5001"),
            });

    [Theory]
    [InlineData("http://localhost:5000", 5000, "localhost")]
    [InlineData("https://[::1]:44300/path", 44300, "[::1]")]
    [InlineData("http://user@127.0.0.1:81/", 81, "127.0.0.1")]
    [InlineData("http://+:0", 0, "+")]
    public void Url_port_reads_the_explicit_port(string url, int port, string host)
    {
        Assert.Equal(port, HardCodedPortAnalyzer.UrlPort(url, out var actualHost));
        Assert.Equal(host, actualHost);
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData("http://[::1]/x")]
    [InlineData("localhost:5000")]
    [InlineData("http://localhost:port/")]
    public void Url_port_is_null_without_an_explicit_port(string url)
        => Assert.Null(HardCodedPortAnalyzer.UrlPort(url, out _));
}
