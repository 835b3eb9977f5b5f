using OrdersApi.Orders;
using OrdersApi.Users;

namespace OrdersApi.Api;

public static class Endpoints
{
    public static void MapOrdersApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/users", RegisterUser);
        app.MapGet("/users/{id:int}", GetUser);
        app.MapGet("/users/{id:int}/orders", GetUserOrders);
        app.MapPost("/orders", PlaceOrder);
        app.MapGet("/orders/{id:int}", GetOrder);
    }

    private static async Task<IResult> RegisterUser(RegisterUserRequest request, UserService users, CancellationToken ct)
    {
        if (!UserService.IsPlausibleEmail(request.Email) || string.IsNullOrWhiteSpace(request.Name))
            return Results.Problem("An email address and a name are required.", statusCode: StatusCodes.Status400BadRequest);
        try
        {
            var user = await users.RegisterAsync(request.Email!, request.Name, ct);
            return Results.Created($"/users/{user.Id}", UserResponse.From(user));
        }
        catch (DuplicateEmailException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> GetUser(int id, UserService users, CancellationToken ct) =>
        await users.FindAsync(id, ct) is { } user ? Results.Ok(UserResponse.From(user)) : Results.NotFound();

    private static async Task<IResult> GetUserOrders(int id, OrderService orders, CancellationToken ct) =>
        Results.Ok((await orders.ForUserAsync(id, ct)).Select(OrderResponse.From).ToList());

    private static async Task<IResult> PlaceOrder(PlaceOrderRequest request, OrderService orders, CancellationToken ct)
    {
        var lines = (request.Lines ?? []).Select(l => new OrderLineRequest(l.ProductCode ?? "", l.Quantity)).ToList();
        try
        {
            var order = await orders.PlaceAsync(new PlaceOrder(request.UserId, lines, request.CouponCode), ct);
            return Results.Created($"/orders/{order.Id}", OrderResponse.From(order));
        }
        catch (OrderRejectedException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> GetOrder(int id, OrderService orders, CancellationToken ct) =>
        await orders.FindAsync(id, ct) is { } order ? Results.Ok(OrderResponse.From(order)) : Results.NotFound();
}
