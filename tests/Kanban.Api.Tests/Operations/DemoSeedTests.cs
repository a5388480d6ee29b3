using Kanban.Api.Features.Tickets;
using Kanban.Api.Infrastructure.Demo;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Api.Tests.Operations;

public sealed class DemoSeedTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() =>
        _client = await factory.CreateClientForAsync("ana@example.com", DemoBoardSeeder.Password);

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_empty_database_gets_a_demo_board_with_cards_in_every_lane_within_their_limits()
    {
        var summary = (await (await _client.GetAsync("/api/boards")).ReadAsync<List<Kanban.Api.Features.Boards.BoardSummary>>()).ShouldHaveSingleItem();

        var board = await _client.GetBoardAsync(summary.Id);

        board.Key.ShouldBe(DemoBoardSeeder.BoardKey);
        board.Lanes.ShouldAllBe(l => l.Count > 0);
        board.Lanes.Where(l => l.WipLimit != null).ShouldAllBe(l => l.Count <= l.WipLimit);
        var untested = board.Lanes.Where(l => l.Untested).ToList();
        untested.Sum(l => l.Count).ShouldBeLessThan(untested.Sum(l => l.WipLimit ?? 0), "the demo line is running");
    }

    [Fact]
    public async Task Every_card_on_the_demo_board_passes_the_quality_gates()
    {
        var (board, cards) = await factory.WithDbAsync(async db =>
            (await db.Boards.SingleAsync(), await db.Cards.Where(c => c.State == TicketState.OnBoard).ToListAsync()));

        cards.Count.ShouldBeGreaterThan(40);
        foreach (var card in cards)
        {
            QualityGates.Check(card.Content, board.Settings).Where(g => !g.Passed).Select(g => $"{card.Key}: {g.Message}").ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task The_demo_triage_inbox_holds_a_good_ticket_two_that_fail_gates_and_one_sent_back_with_a_comment()
    {
        var boardId = (await (await _client.GetAsync("/api/boards")).ReadAsync<List<Kanban.Api.Features.Boards.BoardSummary>>()).Single().Id;

        var inbox = await (await _client.GetAsync($"/api/boards/{boardId}/triage")).ReadAsync<List<TicketResponse>>();

        inbox.Select(t => (t.Key, t.State)).ShouldBe(
            [("DEMO-48", TicketState.SentBack), ("DEMO-45", TicketState.Triage), ("DEMO-46", TicketState.Triage), ("DEMO-47", TicketState.Triage)]);
        inbox.ShouldAllBe(t => t.LaneId == null && t.SubmittedByName != null);
        inbox = inbox[1..];
        inbox[0].Gates.ShouldAllBe(g => g.Passed);
        inbox[1].Gates.Where(g => !g.Passed).Select(g => g.Gate).ShouldBe(
            [QualityGates.Title, QualityGates.Description, QualityGates.DefinitionOfDone, QualityGates.Estimate]);
        inbox[2].Gates.Where(g => !g.Passed).Select(g => g.Gate).ShouldBe([QualityGates.DefinitionOfDone]);
    }

    [Fact]
    public async Task The_demo_ticket_sent_back_carries_the_product_owners_comment_for_its_submitter()
    {
        var boardId = (await (await _client.GetAsync("/api/boards")).ReadAsync<List<Kanban.Api.Features.Boards.BoardSummary>>()).Single().Id;
        var sentBack = (await (await _client.GetAsync($"/api/boards/{boardId}/triage")).ReadAsync<List<TicketResponse>>()).Single(t => t.State == TicketState.SentBack);

        var detail = await (await _client.GetAsync($"/api/tickets/{sentBack.Id}")).ReadAsync<TicketDetail>();

        detail.SubmittedByName.ShouldBe("Ben Member");
        var comment = detail.Comments.ShouldHaveSingleItem();
        comment.Kind.ShouldBe(TicketCommentKind.SentBack);
        comment.ByName.ShouldBe("Ana Owner");
    }

    [Fact]
    public async Task The_demo_history_spans_weeks_with_every_done_card_having_passed_through_each_lane()
    {
        var board = await _client.GetBoardAsync((await (await _client.GetAsync("/api/boards")).ReadAsync<List<Kanban.Api.Features.Boards.BoardSummary>>()).Single().Id);
        var done = board.LaneId("Done");

        var (cards, transitions) = await factory.WithDbAsync(async db =>
            (await db.Cards.Where(c => c.LaneId == done).ToListAsync(), await db.CardTransitions.ToListAsync()));

        cards.Count.ShouldBeGreaterThanOrEqualTo(15);
        var completions = cards.Select(c => c.CompletedAt!.Value).ToList();
        (completions.Max() - completions.Min()).TotalDays.ShouldBeGreaterThan(14);
        completions.Max().ShouldBeLessThan(DateTimeOffset.UtcNow);
        foreach (var card in cards)
        {
            var path = transitions.Where(t => t.CardId == card.Id).OrderBy(t => t.At).Select(t => t.ToLaneId).ToList();
            path.ShouldBe(board.Lanes.OrderBy(l => l.Order).Select(l => l.Id).ToList());
            card.StartedAt.ShouldNotBeNull();
            card.CompletedAt.ShouldNotBeNull();
            card.StartedAt.Value.ShouldBeLessThan(card.CompletedAt.Value);
        }
    }

    [Fact]
    public async Task The_demo_file_is_moved_in_time_so_its_history_ends_just_before_the_seeding()
    {
        var (latest, created) = await factory.WithDbAsync(async db => (
            (await db.CardTransitions.Select(t => t.At).ToListAsync()).Max(),
            await db.Boards.Select(b => b.CreatedAt).SingleAsync()));

        latest.ShouldBeInRange(DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow);
        (latest - created).TotalDays.ShouldBeGreaterThan(28);
    }

    [Fact]
    public async Task The_demo_has_one_person_per_role_who_can_sign_in_and_the_start_says_how()
    {
        var roles = new List<(string, Kanban.Domain.Boards.BoardRole)>();
        foreach (var (email, _, role) in DemoBoardSeeder.People.Where(p => p.Role is not null))
        {
            using var client = await factory.CreateClientForAsync(email, DemoBoardSeeder.Password);
            var board = (await (await client.GetAsync("/api/boards")).ReadAsync<List<Kanban.Api.Features.Boards.BoardSummary>>()).ShouldHaveSingleItem();
            roles.Add((email, board.Role));
        }

        using var admin = await factory.CreateClientForAsync("admin@example.com", DemoBoardSeeder.Password);
        var me = await (await admin.GetAsync("/api/me")).ReadAsync<Kanban.Api.Features.Auth.MeResponse>();

        roles.ShouldBe([
            ("ana@example.com", Kanban.Domain.Boards.BoardRole.ProductOwner),
            ("ben@example.com", Kanban.Domain.Boards.BoardRole.Member),
            ("cleo@example.com", Kanban.Domain.Boards.BoardRole.Viewer),
        ]);
        me.Roles.ShouldBe(["Admin"]);
        factory.Logs.Lines.ShouldContain(l => l.Contains("Demo sign-in: admin@example.com (administrator), ana@example.com (product owner)") && l.Contains(DemoBoardSeeder.Password));
    }

    [Fact]
    public async Task The_demo_is_seeded_once_and_not_again_on_a_database_that_has_a_board()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoBoardSeeder>();

        await seeder.SeedIfEmptyAsync(CancellationToken.None);

        (await factory.WithDbAsync(db => db.Boards.CountAsync(b => b.Key == DemoBoardSeeder.BoardKey))).ShouldBe(1);
        (await factory.WithDbAsync(db => db.Boards.SelectMany(b => b.Lanes).CountAsync(l => l.Kind == LaneKind.Backlog))).ShouldBe(1);
    }

    [Fact]
    public async Task Every_entry_of_the_demo_trail_and_every_comment_names_a_person_of_the_demo()
    {
        var boardId = (await (await _client.GetAsync("/api/boards")).ReadAsync<List<Kanban.Api.Features.Boards.BoardSummary>>()).Single().Id;
        var names = DemoBoardSeeder.People.Select(p => p.Name).ToList();

        var items = new List<Kanban.Api.Features.Activity.ActivityItem>();
        string? before = null;
        do
        {
            var page = await (await _client.GetAsync($"/api/boards/{boardId}/activity?take=200" + (before is null ? "" : $"&before={Uri.EscapeDataString(before)}")))
                .ReadAsync<Kanban.Api.Features.Activity.ActivityPage>();
            items.AddRange(page.Items);
            before = page.Next;
        }
        while (before is not null);

        var transitions = await factory.WithDbAsync(db => db.CardTransitions.CountAsync());
        items.Count.ShouldBeGreaterThanOrEqualTo(transitions, "every move of the demo is in its trail");
        items.Where(i => i.ByName is null || !names.Contains(i.ByName)).Select(i => i.Summary).ShouldBeEmpty();
        (await factory.WithDbAsync(db => db.CardTransitions.CountAsync(t => t.ByUserId == null))).ShouldBe(0);
        (await factory.WithDbAsync(db => db.TicketComments.CountAsync(c => c.ByUserId == null))).ShouldBe(0);
        (await factory.WithDbAsync(db => db.LineStops.CountAsync(s => s.StoppedBy == null || (s.ResumedAt != null && s.ResumedBy == null)))).ShouldBe(0);
        (await factory.WithDbAsync(db => db.Cards.CountAsync(c => c.SubmittedBy == null))).ShouldBe(0);
    }

    private sealed record TicketDetail(string? SubmittedByName, List<TicketCommentResponse> Comments);
}
