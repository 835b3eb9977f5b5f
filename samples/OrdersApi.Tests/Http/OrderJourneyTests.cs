using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrdersApi.Api;
using OrdersApi.Email;
using OrdersApi.Tests.TestSupport;
using OrdersApi.Worker;

namespace OrdersApi.Tests.Http;

/// <summary>
/// The critical journey through the real HTTP pipeline (routing, JSON, DI, EF Core, SQLite): the few
/// tests at the top of the trophy. Each test hosts its own application with its own database.
/// </summary>
public sealed class OrderJourneyTests : IAsyncDisposable
{
    private readonly OrdersApiFactory app = new();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static async Task<T> ReadCreatedAsync<T>(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    [Fact]
    public async Task Registered_user_places_an_order_and_finds_it_with_the_right_price()
    {
        HttpClient client = app.CreateClient();

        UserResponse user = await ReadCreatedAsync<UserResponse>(
            await client.PostAsJsonAsync("/users", new { email = "ada@example.com", name = "Ada" }));
        OrderResponse placed = await ReadCreatedAsync<OrderResponse>(await client.PostAsJsonAsync("/orders", new
        {
            userId = user.Id,
            lines = new[] { new { productCode = "WIDGET", quantity = 10 }, new { productCode = "CABLE", quantity = 1 } },
            couponCode = "SAVE10",
        }));
        List<OrderResponse>? orders = await client.GetFromJsonAsync<List<OrderResponse>>($"/users/{user.Id}/orders");

        OrderResponse listed = Assert.Single(orders!);
        Assert.Equal(placed.Id, listed.Id);
        Assert.Equal(Instants.WednesdayMorning, listed.PlacedAt);
        // 10 x 12.50 + 7.99 = 132.99; 11 items: 5 % volume = 6.65 -> 126.34; SAVE10: 12.63 -> 113.71
        Assert.Equal((132.99m, 19.28m, 113.71m), (listed.Subtotal, listed.Discount, listed.Total));
        Assert.Equal(
            [new OrderLineResponse("WIDGET", 10, 12.50m), new OrderLineResponse("CABLE", 1, 7.99m)],
            listed.Lines);
    }

    [Fact]
    public async Task Registering_an_email_that_is_taken_is_a_conflict()
    {
        HttpClient client = app.CreateClient();
        await ReadCreatedAsync<UserResponse>(
            await client.PostAsJsonAsync("/users", new { email = "ada@example.com", name = "Ada" }));

        HttpResponseMessage second = await client.PostAsJsonAsync("/users", new { email = "ADA@example.com", name = "Ada again" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task The_worker_emails_the_confirmation_once_its_poll_interval_has_passed()
    {
        HttpClient client = app.CreateClient();
        UserResponse user = await ReadCreatedAsync<UserResponse>(
            await client.PostAsJsonAsync("/users", new { email = "ada@example.com", name = "Ada" }));
        OrderResponse order = await ReadCreatedAsync<OrderResponse>(await client.PostAsJsonAsync("/orders", new
        {
            userId = user.Id,
            lines = new[] { new { productCode = "GADGET", quantity = 1 } },
        }));
        Assert.Empty(app.Emails.Sent); // the clock has not moved: the worker has not polled yet

        app.Time.Advance(app.Services.GetRequiredService<IOptions<OrderWorkerOptions>>().Value.PollInterval);

        // Wait for the email itself (with a generous timeout for a slow machine), not for a guessed time.
        EmailMessage email = await app.Emails.FirstSent.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("ada@example.com", email.To);
        Assert.Equal($"Your order #{order.Id} is confirmed", email.Subject);
    }
}
