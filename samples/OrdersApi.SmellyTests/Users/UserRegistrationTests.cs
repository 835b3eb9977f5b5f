using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OrdersApi.Data;
using OrdersApi.Users;

namespace OrdersApi.SmellyTests.Users;

public class UserRegistrationTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    [Trait("RoadTest", "RunAfterFixes")]
    public async Task The_database_refuses_a_second_user_with_the_same_email()
    {
        var options = new DbContextOptionsBuilder<OrdersDbContext>()
            .UseInMemoryDatabase("users") // expect: TST2002
            .Options;
        using var db = new OrdersDbContext(options);
        db.Users.Add(new User { Email = "ada@example.com", Name = "Ada" });
        await db.SaveChangesAsync();

        db.Users.Add(new User { Email = "ADA@example.com", Name = "Ada again" });

        // The in-memory provider has no unique index: it stores both users, and this assertion fails.
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Registering_saves_the_user() // expect: TST2005
    {
        var db = new Mock<OrdersDbContext>(new DbContextOptions<OrdersDbContext>()); // expect: TST2001
        var users = new Mock<DbSet<User>>(); // expect: TST2001
        db.Setup(d => d.Users).Returns(users.Object);

        await new UserService(db.Object, time).RegisterAsync("ada@example.com", "Ada", CancellationToken.None);

        // Two calls were made; whether the user can be found again, or emails stay unique, is not checked.
        users.Verify(u => u.Add(It.Is<User>(user => user.Email == "ada@example.com")));
        db.Verify(d => d.SaveChangesAsync(It.IsAny<CancellationToken>()));
    }
}
