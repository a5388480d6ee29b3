using System.Net;
using Kanban.Api.Features.Members;
using Kanban.Api.Infrastructure;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TestApi = Kanban.Api.Tests.Infrastructure.Api;

namespace Kanban.Api.Tests.Data;

/// <summary>A value the database already holds is a 409 <c>conflict</c> naming its field, never a 500, however the requests race.</summary>
public sealed class UniqueValueConflictTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Forty_simultaneous_boards_with_one_key_give_one_201_and_39_conflicts_naming_the_key()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => _client.PostJsonAsync("/api/boards", new { name = $"Payments {i}", key = "PAY" })));

        responses.Select(r => (int)r.StatusCode).ShouldNotContain(s => s >= 500);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        refused.Count.ShouldBe(39);
        foreach (var response in refused)
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
            problem.Type.ShouldBe("urn:kanban:problem:conflict");
            problem.Extensions["field"].GetString().ShouldBe("key");
            problem.Detail.ShouldBe("A board with key PAY already exists; choose another key.");
            problem.Errors!["key"].ShouldBe([problem.Detail]);
        }

        (await factory.WithDbAsync(db => db.Boards.CountAsync(b => b.Key == "PAY"))).ShouldBe(1);
    }

    [Fact]
    public async Task Simultaneous_accounts_with_one_email_give_one_201_and_conflicts_naming_the_email()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => admin.PostJsonAsync("/api/users", new { email = "twin@test.example", displayName = $"Twin {i}", password = "long enough password" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
            problem.Type.ShouldBe("urn:kanban:problem:conflict");
            problem.Extensions["field"].GetString().ShouldBe("email");
            problem.Detail.ShouldContain("twin@test.example");
        }
    }

    [Fact]
    public async Task Simultaneous_puts_of_one_new_member_never_answer_500_and_leave_one_membership()
    {
        var board = await _client.CreateBoardAsync();
        var userId = await factory.UserIdOfAsync("joining-twice@test.example");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => _client.PutJsonAsync($"/api/boards/{board.Id}/members/{userId}", new { role = "Member" })));

        responses.ShouldContain(r => r.StatusCode == HttpStatusCode.OK);
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
            problem.Type.ShouldBeOneOf("urn:kanban:problem:conflict", "urn:kanban:problem:concurrency-conflict");
        }

        var members = await (await _client.GetAsync($"/api/boards/{board.Id}/members")).ReadAsync<List<MemberResponse>>();
        members.Count(m => m.UserId == userId).ShouldBe(1);
    }

    [Fact]
    public async Task Simultaneous_tickets_on_one_board_never_answer_500_and_get_numbers_of_their_own()
    {
        var board = await _client.CreateBoardAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => _client.PostJsonAsync($"/api/boards/{board.Id}/tickets", TestApi.GoodTicket($"Show the refund status on order page number {i}"))));

        responses.Select(r => (int)r.StatusCode).ShouldNotContain(s => s >= 500);
        var numbers = await factory.WithDbAsync(db => db.Cards.Where(c => c.BoardId == board.Id).Select(c => c.Number).ToListAsync());
        numbers.ShouldBeUnique();
        numbers.Count.ShouldBe(responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        numbers.Count.ShouldBeGreaterThan(0, "at least one of the simultaneous tickets is stored");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Every_unique_index_and_key_of_the_model_names_the_field_a_conflict_reports(DatabaseProvider provider)
    {
        using var db = ContextFor(provider);

        var constraints = UniqueConstraints.Of(db.Model);

        constraints.ShouldContain(c => c.Description == "Board.Key");
        constraints.Where(c => UniqueValueConflicts.FieldOf(c) is null).Select(c => $"{c.Name} ({c.Description})")
            .ShouldBeEmpty("each unique index or key needs its field (and detail) in UniqueValueConflicts");
    }

    [Fact]
    public void A_postgres_unique_violation_is_told_by_its_sql_state_and_found_by_its_constraint_name()
    {
        using var db = ContextFor(DatabaseProvider.Postgres);
        db.Boards.Add(Board.Create("Payments", "PAY", DateTimeOffset.UnixEpoch));
        var entries = db.ChangeTracker.Entries().ToList();
        var unique = new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505", constraintName: "IX_Boards_Key");
        var other = new PostgresException("null value in column violates not-null constraint", "ERROR", "ERROR", "23502", constraintName: "IX_Boards_Key");

        var conflict = UniqueValueConflicts.For(new DbUpdateException("save failed", unique, entries));

        conflict.ShouldNotBeNull().Figures["field"].ShouldBe("key");
        conflict.Message.ShouldBe("A board with key PAY already exists; choose another key.");
        UniqueValueConflicts.For(new DbUpdateException("save failed", other, entries)).ShouldBeNull();
    }

    private static KanbanDbContext ContextFor(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<KanbanDbContext>();
        DatabaseSetup.Configure(options, provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Server=nowhere;Database=kanban");
        return new KanbanDbContext(options.Options);
    }
}
