using OrdersApi.Data;

namespace OrdersApi.Api;

public sealed record RegisterUserRequest(string? Email, string? Name);

public sealed record UserResponse(int Id, string Email, string Name, DateTimeOffset RegisteredAt)
{
    public static UserResponse From(User user) => new(user.Id, user.Email, user.Name, user.RegisteredAt);
}

public sealed record PlaceOrderRequest(int UserId, List<OrderLineDto>? Lines, string? CouponCode);

public sealed record OrderLineDto(string? ProductCode, int Quantity);

public sealed record OrderLineResponse(string ProductCode, int Quantity, decimal UnitPrice);

public sealed record OrderResponse(
    int Id, int UserId, DateTimeOffset PlacedAt, string? CouponCode,
    decimal Subtotal, decimal Discount, decimal Total, IReadOnlyList<OrderLineResponse> Lines)
{
    public static OrderResponse From(Order order) => new(
        order.Id, order.UserId, order.PlacedAt, order.CouponCode, order.Subtotal, order.Discount, order.Total,
        order.Lines.Select(l => new OrderLineResponse(l.ProductCode, l.Quantity, l.UnitPrice)).ToList());
}
