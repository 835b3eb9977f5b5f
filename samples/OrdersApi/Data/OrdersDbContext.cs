using Microsoft.EntityFrameworkCore;

namespace OrdersApi.Data;

public class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options)
{
    public virtual DbSet<User> Users => Set<User>();
    public virtual DbSet<Product> Products => Set<Product>();
    public virtual DbSet<Order> Orders => Set<Order>();
    public virtual DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public virtual DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(user =>
        {
            // NOCASE makes the unique index ignore case: Ada@Example.com and ada@example.com collide
            // in the database, whatever path the row came in by.
            user.Property(u => u.Email).HasMaxLength(320).UseCollation("NOCASE");
            user.HasIndex(u => u.Email).IsUnique();
            user.Property(u => u.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<Product>(product =>
        {
            product.HasKey(p => p.Code);
            product.HasData(
                new Product { Code = "WIDGET", Name = "Widget", UnitPrice = 12.50m },
                new Product { Code = "GADGET", Name = "Gadget", UnitPrice = 40.00m },
                new Product { Code = "CABLE", Name = "USB-C cable", UnitPrice = 7.99m });
        });

        modelBuilder.Entity<Order>(order =>
        {
            order.HasOne(o => o.User).WithMany().HasForeignKey(o => o.UserId).IsRequired();
            order.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).IsRequired();
        });

        modelBuilder.Entity<OrderLine>()
            .HasOne<Product>().WithMany().HasForeignKey(l => l.ProductCode).IsRequired();

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.HasIndex(m => m.MessageId).IsUnique();
            message.HasIndex(m => m.DispatchedAt);
        });

        modelBuilder.Entity<ProcessedMessage>().HasKey(p => p.MessageId);
    }
}
