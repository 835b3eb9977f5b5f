using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OrdersApi.Data;
using OrdersApi.Email;
using OrdersApi.Worker;

namespace OrdersApi.SmellyTests.TestSupport;

/// <summary>
/// The whole application, hosted in the test process, with its own SQLite database and a recording
/// email sender. Its clock is the real one (<c>TimeProvider.System</c>, as in production) and the
/// worker polls the outbox every <see cref="PollInterval"/>: the tests can only wait for it.
/// </summary>
public sealed class OrdersApp : WebApplicationFactory<Program>
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly SqliteDatabase database = new();

    public SentEmails Emails { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DbContextOptions<OrdersDbContext>>();
            services.RemoveAll<IDbContextOptionsConfiguration<OrdersDbContext>>();
            services.AddDbContext<OrdersDbContext>(options => options.UseSqlite(database.ConnectionString));

            services.RemoveAll<IEmailSender>();
            services.AddSingleton<IEmailSender>(Emails);

            services.Configure<OrderWorkerOptions>(options => options.PollInterval = PollInterval);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            database.Dispose();
    }
}
