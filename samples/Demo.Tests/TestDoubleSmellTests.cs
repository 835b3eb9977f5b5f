using System.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Moq;
using Xunit;

namespace Demo.Tests;

public class Customer
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public bool IsActive { get; set; }
}

public class CrmContext : DbContext
{
    public CrmContext(DbContextOptions<CrmContext> options) : base(options) { }

    public DbSet<Customer> Customers => Set<Customer>();
}

public interface IMailer
{
    void Send(string to, string text);
}

/// <summary>Code under test: reads customers through EF Core and mails the active ones.</summary>
public class Newsletter
{
    private readonly CrmContext _context;
    private readonly IMailer _mailer;

    public Newsletter(CrmContext context, IMailer mailer)
    {
        _context = context;
        _mailer = mailer;
    }

    public int Send(string text)
    {
        var active = _context.Customers.Where(c => c.IsActive).ToList();
        active.ForEach(c => _mailer.Send(c.Name, text));
        return active.Count;
    }
}

public class TestDoubleSmellTests
{
    [Fact]
    public void Mails_active_customers_mocked_context_smelly()
    {
        var context = new Mock<CrmContext>(new DbContextOptions<CrmContext>()); // TST2001: a mocked DbContext runs no query
        var mailer = new Mock<IMailer>();
        mailer.Setup(m => m.Send("Ada", "hi")).Verifiable(); // TST2004: marked, never verified

        var sent = new Newsletter(context.Object, mailer.Object).Send("hi");

        Assert.Equal(0, sent);
    }

    [Fact]
    public void Mails_active_customers_in_memory_provider_smelly()
    {
        var options = new DbContextOptionsBuilder<CrmContext>()
            .UseInMemoryDatabase("crm") // TST2002: not a relational database
            .Options;
        using var context = new CrmContext(options);
        context.Customers.Add(new Customer { Name = "Ada", IsActive = true });
        context.SaveChanges();
        var mailer = new Mock<IMailer>();

        new Newsletter(context, mailer.Object).Send("hi");

        mailer.Verify(m => m.Send("Ada", "hi")); // TST2005 (in the All preset): only the interaction is checked
    }

    [Fact]
    public void Mails_nobody_without_customers_smelly() // TST2003: sets up a mock, checks nothing
    {
        var mailer = new Mock<IMailer>();
        using var connection = new SqliteConnection("DataSource=:memory:");
        connection.Open();
        using var context = new CrmContext(new DbContextOptionsBuilder<CrmContext>().UseSqlite(connection).Options);
        context.Database.EnsureCreated();

        new Newsletter(context, mailer.Object).Send("hi");
    }

    [Fact]
    public void Mails_active_customers()
    {
        using var connection = new SqliteConnection("DataSource=:memory:");
        connection.Open();
        using var context = new CrmContext(new DbContextOptionsBuilder<CrmContext>().UseSqlite(connection).Options);
        context.Database.EnsureCreated();
        context.Customers.AddRange(new Customer { Name = "Ada", IsActive = true }, new Customer { Name = "Bob" });
        context.SaveChanges();
        var mailer = new Mock<IMailer>();

        var sent = new Newsletter(context, mailer.Object).Send("hi");

        Assert.Equal(1, sent);
        mailer.Verify(m => m.Send("Ada", "hi"), Times.Once());
    }
}
