using OrdersApi;
using OrdersApi.Api;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOrdersApi(builder.Configuration);

var app = builder.Build();
app.Services.EnsureOrdersDatabase();
app.MapOrdersApi();
app.Run();

/// <summary>The entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
