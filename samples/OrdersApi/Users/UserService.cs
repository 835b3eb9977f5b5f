using Microsoft.EntityFrameworkCore;
using OrdersApi.Data;

namespace OrdersApi.Users;

/// <summary>The email address is already registered to another user.</summary>
public sealed class DuplicateEmailException(string email, Exception inner)
    : Exception($"The email address '{email}' is already registered.", inner)
{
    public string Email { get; } = email;
}

public sealed class UserService(OrdersDbContext db, TimeProvider time)
{
    /// <summary>
    /// Registers a user. There is no "does this email exist?" query first: two concurrent requests would
    /// both pass it. The unique index decides, and its violation becomes <see cref="DuplicateEmailException"/>.
    /// </summary>
    public async Task<User> RegisterAsync(string email, string name, CancellationToken cancellationToken)
    {
        var user = new User
        {
            Email = NormalizeEmail(email),
            Name = name.Trim(),
            RegisteredAt = time.GetUtcNow(),
        };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            db.Entry(user).State = EntityState.Detached;
            throw new DuplicateEmailException(user.Email, exception);
        }
        return user;
    }

    public Task<User?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    public static bool IsPlausibleEmail(string? email) =>
        email is not null && email.Trim() is { Length: >= 3 and <= 320 } trimmed
        && trimmed.IndexOf('@') is > 0 and var at && at < trimmed.Length - 1;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
