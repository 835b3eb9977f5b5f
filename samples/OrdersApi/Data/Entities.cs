namespace OrdersApi.Data;

public sealed class User
{
    public int Id { get; set; }

    /// <summary>Unique, case-insensitively: the database enforces it with a unique index.</summary>
    public required string Email { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
}

public sealed class Product
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public decimal UnitPrice { get; set; }
}

public sealed class Order
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User? User { get; set; }
    public DateTimeOffset PlacedAt { get; set; }
    public string? CouponCode { get; set; }
    public decimal Subtotal { get; set; }
    public decimal Discount { get; set; }
    public decimal Total { get; set; }
    public List<OrderLine> Lines { get; set; } = [];
}

public sealed class OrderLine
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public required string ProductCode { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
}

/// <summary>
/// A message waiting to be handed to its consumer (the transactional outbox): written in the same
/// save as the order, so an order never exists without its message, and marked once dispatched.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public required string Type { get; set; }
    public int OrderId { get; set; }
    public Order? Order { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
}

/// <summary>
/// A message a consumer has already handled. The message id is the primary key, so the database
/// itself refuses to record the same message twice.
/// </summary>
public sealed class ProcessedMessage
{
    public Guid MessageId { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
