using System.Net;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using static Kanban.Api.Tests.Features.Duplicates.DuplicateTickets;

namespace Kanban.Api.Tests.Features.Duplicates;

/// <summary>
/// The board's index under submissions at the same moment: none is lost from it, and a submission
/// that commits after another one saying the same is compared with it, as its save is decided again
/// when it loses the race.
/// </summary>
public sealed class ConcurrentSubmitTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    /// <remarks>
    /// Within one instance, a save that loses the board's version check waits for the board's turn
    /// and is decided again, so all twenty land; what must also hold is that every saved ticket is in
    /// the index, once.
    /// </remarks>
    [Fact]
    public async Task Twenty_different_tickets_submitted_at_once_are_all_saved_and_each_is_found_first_by_its_own_text()
    {
        var board = await _owner.CreateBoardAsync();
        // The index is built before the race, so the race is about keeping it current.
        await _owner.CheckAsync(board.Id, Refund);
        using var start = new SemaphoreSlim(0);

        var submissions = Distinct.Select(async text =>
        {
            await start.WaitAsync();
            return (Text: text, Response: await _owner.PostJsonAsync($"/api/boards/{board.Id}/tickets", Body(text)));
        }).ToList();
        start.Release(submissions.Count);
        var responses = await Task.WhenAll(submissions);

        var tickets = new List<(string Title, string Description, TicketResponse Ticket)>();
        foreach (var (text, response) in responses)
        {
            tickets.Add((text.Title, text.Description, await response.ReadAsync<TicketResponse>(HttpStatusCode.Created)));
        }

        tickets.Select(t => t.Ticket.Key).Distinct().Count().ShouldBe(20);
        tickets.ShouldAllBe(t => t.Ticket.LikelyDuplicateOf == null);
        (await _owner.GetTriageAsync(board.Id)).Count.ShouldBe(20);
        foreach (var (title, description, ticket) in tickets)
        {
            var check = await _owner.CheckAsync(board.Id, (title, description));
            (check.Duplicates[0].TicketId, check.Duplicates[0].Score).ShouldBe((ticket.Id, 1.0), $"{ticket.Key}: {Describe(check.Duplicates)}");
            check.Duplicates.Skip(1).ShouldAllBe(d => d.Score < Kanban.Domain.Boards.BoardSettings.DefaultDuplicateThreshold, $"{ticket.Key}: each text is in the index once");
        }
    }

    [Fact]
    public async Task Of_two_near_identical_tickets_submitted_at_the_same_moment_the_later_is_marked_a_likely_duplicate_of_the_earlier()
    {
        for (var round = 0; round < 5; round++)
        {
            var board = await _owner.CreateBoardAsync();
            await _owner.CheckAsync(board.Id, Refund);
            using var start = new SemaphoreSlim(0);
            var texts = new[] { Refund, (Refund.Title + ".", Refund.Description + " Thanks!") };

            var submissions = texts.Select(async text =>
            {
                await start.WaitAsync();
                return await _owner.PostJsonAsync($"/api/boards/{board.Id}/tickets", Body(text));
            }).ToList();
            start.Release(2);
            var responses = await Task.WhenAll(submissions);
            var first = await responses[0].ReadAsync<TicketResponse>(HttpStatusCode.Created);
            var second = await responses[1].ReadAsync<TicketResponse>(HttpStatusCode.Created);

            var (earlier, later) = first.Key.CompareTo(second.Key) < 0 ? (first, second) : (second, first);
            later.LikelyDuplicateOf.ShouldBe(earlier.Id, $"round {round}: the later sees the earlier");
            earlier.LikelyDuplicateOf.ShouldBeNull($"round {round}: the earlier had nothing to be a duplicate of");
            later.Duplicates.Select(d => d.TicketId).ShouldContain(earlier.Id);
        }
    }
}
