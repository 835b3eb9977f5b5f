using Microsoft.EntityFrameworkCore;
using OrdersApi.Data;
using OrdersApi.Email;
using OrdersApi.Orders;
using OrdersApi.Users;
using OrdersApi.Worker;

namespace OrdersApi;

public static class ServiceRegistration
{
    public const string ConnectionStringName = "Orders";

    public static IServiceCollection AddOrdersApi(this IServiceCollection services, IConfiguration configuration)
    {
        // Every "now" in the application comes from here; tests register a FakeTimeProvider instead.
        services.AddSingleton(TimeProvider.System);

        string connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");
        services.AddDbContext<OrdersDbContext>(options => options.UseSqlite(connectionString));

        services.AddScoped<UserService>();
        services.AddScoped<OrderService>();
        services.AddScoped<OrderConfirmationHandler>();
        services.AddScoped<OutboxDispatcher>();
        services.AddSingleton<IEmailSender, LoggingEmailSender>();

        services.Configure<OrderWorkerOptions>(configuration.GetSection(OrderWorkerOptions.Section));
        services.AddHostedService<OrderPlacedWorker>();
        return services;
    }

    /// <summary>Creates the schema when the database is new (the tests run the same call).</summary>
    public static void EnsureOrdersDatabase(this IServiceProvider services)
    {
        using IServiceScope scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Database.EnsureCreated();
    }
}
