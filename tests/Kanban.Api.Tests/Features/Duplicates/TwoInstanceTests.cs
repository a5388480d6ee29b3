using System.Net.Http.Headers;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Infrastructure.Duplicates;
using Kanban.Api.Tests.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kanban.Api.Tests.Features.Duplicates.DuplicateTickets;

namespace Kanban.Api.Tests.Features.Duplicates;

/// <summary>
/// Two instances of the app on one database, each with its own indexes in memory: what one saves,
/// the other finds, as each catches up from the activity trail before it answers.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("kanban-two-instances-").FullName;
    private readonly ManualClock _clockA = new(ClockedApiFactory.Now);
    private readonly ManualClock _clockB = new(ClockedApiFactory.Now);
    private AppOn _a = null!;
    private AppOn _b = null!;
    private HttpClient _ownerA = null!;
    private HttpClient _ownerB = null!;

    /// <summary>The app on a given data folder, with its own clock, and without the backfill's loop.</summary>
    private sealed class AppOn(string dataDirectory, ManualClock clock) : KanbanApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            UseDataDirectory(builder, dataDirectory);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromDays(365));

                // The tests run the backfill where they want it, so no instance embeds behind their back.
                foreach (var loop in services.Where(s => s.ImplementationType == typeof(TicketVectorBackfill)).ToList())
                {
                    services.Remove(loop);
                }
            });
        }
    }

    public async ValueTask InitializeAsync()
    {
        _a = new AppOn(_data, _clockA);
        _ownerA = _a.CreateClient();
        // B starts on the database A migrated, and reads A's tokens with the keys A wrote beside it.
        _b = new AppOn(_data, _clockB);
        // Server.CreateClient: none of B's own sign-ins, which would create the owner a second time.
        _ownerB = _b.Server.CreateClient();
        _ownerB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _a.TokenForAsync(KanbanApiFactory.Owner));
    }

    public async ValueTask DisposeAsync()
    {
        _ownerA.Dispose();
        _ownerB.Dispose();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_ticket_submitted_through_one_instance_is_found_by_a_check_through_the_other()
    {
        var board = await _ownerA.CreateBoardAsync();
        await _ownerA.SubmitAsync(board.Id, Distinct[0]);
        // B builds its index of the board now, before the ticket it must then catch up with.
        (await _ownerB.CheckAsync(board.Id, Refund)).Duplicates.ShouldAllBe(d => d.Match == "related");

        var ticket = await _ownerA.SubmitAsync(board.Id, Refund);

        var check = await _ownerB.CheckAsync(board.Id, RefundReworded);
        check.Duplicates[0].TicketId.ShouldBe(ticket.Id, Describe(check.Duplicates));
        var copy = await _ownerB.SubmitAsync(board.Id, Refund);
        copy.LikelyDuplicateOf.ShouldBe(ticket.Id);
        (await _ownerA.CheckAsync(board.Id, Refund)).Duplicates.Take(2).Select(d => d.TicketId).ShouldBe([ticket.Id, copy.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task Of_two_near_identical_tickets_submitted_at_the_same_moment_through_the_two_instances_the_later_is_marked()
    {
        for (var round = 0; round < 5; round++)
        {
            var board = await _ownerA.CreateBoardAsync();
            await _ownerA.SubmitAsync(board.Id, Distinct[0]);
            // Both instances hold the board's index before the race.
            await _ownerA.CheckAsync(board.Id, Refund);
            await _ownerB.CheckAsync(board.Id, Refund);
            using var start = new SemaphoreSlim(0);

            var submissions = new[] { (_ownerA, Refund), (_ownerB, (Refund.Title + ".", Refund.Description + " Thanks!")) }
                .Select(async pair =>
                {
                    await start.WaitAsync();
                    return await pair.Item1.PostJsonAsync($"/api/boards/{board.Id}/tickets", Body(pair.Item2));
                }).ToList();
            start.Release(2);
            var responses = await Task.WhenAll(submissions);
            var first = await responses[0].ReadAsync<TicketResponse>(System.Net.HttpStatusCode.Created);
            var second = await responses[1].ReadAsync<TicketResponse>(System.Net.HttpStatusCode.Created);

            var (earlier, later) = first.Key.CompareTo(second.Key) < 0 ? (first, second) : (second, first);
            later.LikelyDuplicateOf.ShouldBe(earlier.Id, $"round {round}: the later sees the earlier, saved by the other instance");
            earlier.LikelyDuplicateOf.ShouldBeNull($"round {round}");
        }
    }

    [Fact]
    public async Task An_edit_through_one_instance_changes_what_the_other_finds()
    {
        var board = await _ownerA.CreateBoardAsync();
        var ticket = await _ownerA.SubmitAsync(board.Id, Refund);
        (await _ownerB.CheckAsync(board.Id, Refund)).Duplicates[0].TicketId.ShouldBe(ticket.Id);

        await _ownerA.EditAsync(ticket.Id, Distinct[3]);

        // The new text shares a word with the old ("booking"), no more.
        (await _ownerB.CheckAsync(board.Id, Refund)).Duplicates.Where(d => d.TicketId == ticket.Id)
            .ShouldAllBe(d => d.Title == Distinct[3].Title && d.Match == "related");
        var byNewText = await _ownerB.CheckAsync(board.Id, Distinct[3]);
        (byNewText.Duplicates[0].TicketId, byNewText.Duplicates[0].Title, byNewText.Duplicates[0].Score).ShouldBe((ticket.Id, Distinct[3].Title, 1.0));
    }

    [Fact]
    public async Task A_merge_and_a_rejection_through_one_instance_reach_the_other()
    {
        var board = await _ownerA.CreateBoardAsync();
        await _ownerB.SetDuplicateWindowAsync(board.Id, 10);
        var original = await _ownerA.SubmitAsync(board.Id, Distinct[5]);
        var duplicate = await _ownerA.SubmitAsync(board.Id, Refund);
        var rejected = await _ownerA.SubmitAsync(board.Id, Distinct[6]);
        (await _ownerB.CheckAsync(board.Id, Refund)).Duplicates[0].TicketId.ShouldBe(duplicate.Id);

        await (await _ownerA.PostJsonAsync($"/api/tickets/{duplicate.Id}/merge", new { originalId = original.Id })).ReadAsync<TicketResponse>();
        await (await _ownerA.PostJsonAsync($"/api/tickets/{rejected.Id}/reject", new { reason = "Not this year" })).ReadAsync<TicketResponse>();
        _clockB.Advance(TimeSpan.FromDays(11));

        (await _ownerB.CheckAsync(board.Id, Refund)).Duplicates.Select(d => d.TicketId).ShouldNotContain(duplicate.Id);
        (await _ownerB.CheckAsync(board.Id, Distinct[6])).Duplicates.Select(d => d.TicketId).ShouldNotContain(rejected.Id);
    }

    [Fact]
    public async Task An_instance_that_first_reads_a_board_after_a_ticket_left_its_window_finds_it_again_when_the_window_widens()
    {
        var board = await _ownerA.CreateBoardAsync();
        await _ownerA.SetDuplicateWindowAsync(board.Id, 10);
        var rejected = await _ownerA.SubmitAsync(board.Id, Refund);
        await (await _ownerA.PostJsonAsync($"/api/tickets/{rejected.Id}/reject", new { reason = "Not this year" })).ReadAsync<TicketResponse>();
        _clockB.Advance(TimeSpan.FromDays(20));

        // B builds its index of the board 20 days on, leaving the ticket out: it closed before the window.
        var outside = await _ownerB.CheckAsync(board.Id, Refund);
        await _ownerB.SetDuplicateWindowAsync(board.Id, 30);
        var widened = await _ownerB.CheckAsync(board.Id, Refund);

        outside.Duplicates.ShouldBeEmpty();
        widened.Duplicates.Select(d => d.TicketId).ShouldBe([rejected.Id]);
    }

    [Fact]
    public async Task Vectors_one_instance_backfills_reach_the_other_instances_index()
    {
        using var admin = await _a.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var imported = await admin.ImportOkAsync(BoardFile("TWO", [Distinct[0], Refund, Distinct[1], Distinct[2]]));
        var refundId = await _a.WithDbAsync(db => db.Cards.Where(c => c.BoardId == imported.Id && c.Title == Refund.Title).Select(c => c.Id).SingleAsync());
        // B builds its index while no imported ticket has a vector: it compares them by their words.
        var before = await _ownerB.CheckAsync(imported.Id, RefundReworded);

        var backfill = ActivatorUtilities.CreateInstance<TicketVectorBackfill>(_a.Services);
        while (await backfill.EmbedBatchAsync(TestContext.Current.CancellationToken) > 0)
        {
        }

        _clockB.Advance(TimeSpan.FromSeconds(30));
        var after = await _ownerB.CheckAsync(imported.Id, RefundReworded);
        var inA = await _ownerA.CheckAsync(imported.Id, RefundReworded);

        before.Duplicates[0].TicketId.ShouldBe(refundId);
        after.Duplicates[0].TicketId.ShouldBe(refundId);
        after.Duplicates[0].Score.ShouldNotBe(before.Duplicates[0].Score, "B compares the ticket by the vector A saved");
        after.Duplicates[0].Score.ShouldBe(inA.Duplicates[0].Score, "both instances score it alike");
    }
}
