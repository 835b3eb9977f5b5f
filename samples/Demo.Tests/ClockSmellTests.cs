using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Demo.Tests;

/// <summary>A trial that expires thirty days after sign-up: the kind of rule tests get wrong with the real clock.</summary>
public sealed class TrialAccount
{
    public TrialAccount(DateTimeOffset createdAt) => CreatedAt = createdAt;

    public DateTimeOffset CreatedAt { get; }

    public bool IsExpired(DateTimeOffset now) => now > CreatedAt.AddDays(30);
}

/// <summary>A helper of the test project that takes a TimeProvider, then waits on real time anyway.</summary>
public sealed class ReminderScheduler(TimeProvider time)
{
    public DateTimeOffset Due => time.GetUtcNow().AddHours(1);

    public Task WaitUntilDueAsync(CancellationToken ct) => Task.Delay(TimeSpan.FromHours(1), ct); // TST1005: bypasses 'time'
}

public class TrialTests
{
    [Fact]
    public void Trial_is_active_on_day_29_smelly()
    {
        var account = new TrialAccount(DateTimeOffset.UtcNow); // TST1003: depends on when the test runs

        Assert.False(account.IsExpired(DateTimeOffset.UtcNow.AddDays(29))); // TST1003
    }

    [Fact]
    public void Trial_is_active_on_day_29_honest()
    {
        var signedUp = new DateTimeOffset(2025, 1, 31, 23, 30, 0, TimeSpan.Zero);
        var account = new TrialAccount(signedUp);

        Assert.False(account.IsExpired(signedUp.AddDays(29)));
    }
}
