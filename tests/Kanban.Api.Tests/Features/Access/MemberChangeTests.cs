using System.Net;
using Kanban.Api.Features.Activity;
using Kanban.Api.Features.Members;
using Kanban.Api.Realtime;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kanban.Api.Tests.Features.Access;

/// <summary>A change of who is on a board is a board change: recorded, pushed, and decided on the people as they are when it is saved.</summary>
public sealed class MemberChangeTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task Two_product_owners_demoting_each_other_at_once_leave_the_board_one_product_owner()
    {
        for (var round = 0; round < 10; round++)
        {
            var board = await _owner.CreateBoardAsync();
            var ownerId = await factory.UserIdOfAsync(KanbanApiFactory.Owner);
            var otherEmail = $"co-owner-{round}@test.example";
            var otherId = await factory.UserIdOfAsync(otherEmail);
            (await _owner.PutJsonAsync($"/api/boards/{board.Id}/members/{otherId}", new { role = "ProductOwner" })).EnsureSuccessStatusCode();
            using var other = await factory.CreateClientForAsync(otherEmail);

            var answers = await Task.WhenAll(
                _owner.PutJsonAsync($"/api/boards/{board.Id}/members/{otherId}", new { role = "Member" }),
                other.PutJsonAsync($"/api/boards/{board.Id}/members/{ownerId}", new { role = "Member" }));

            answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1, $"round {round}");
            // The loser is refused by the rule (decided after the winner's save) or, when the winner
            // saved before its access was checked, because it is no longer a product owner.
            var refused = answers.Single(a => a.StatusCode != HttpStatusCode.OK);
            refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.Forbidden);
            (await refused.ReadProblemAsync(refused.StatusCode)).Type.ShouldEndWith(
                refused.StatusCode == HttpStatusCode.Conflict ? "last-product-owner" : "forbidden");
            var winner = answers[0].StatusCode == HttpStatusCode.OK ? _owner : other;
            var members = await (await winner.GetAsync($"/api/boards/{board.Id}/members")).ReadAsync<List<MemberResponse>>();
            members.Count(m => m.Role == Kanban.Domain.Boards.BoardRole.ProductOwner).ShouldBe(1, $"round {round}");
        }
    }

    [Fact]
    public async Task Adding_changing_and_removing_a_member_are_recorded_in_the_trail_and_pushed_with_the_boards_version()
    {
        var board = await _owner.CreateBoardAsync();
        var userId = await factory.UserIdOfAsync("recorded-member@test.example");
        await using var watcher = await factory.ConnectAsync();
        var versions = new List<long>();
        var three = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<BoardChangedMessage>(nameof(IBoardClient.MembersChanged), m =>
        {
            lock (versions)
            {
                versions.Add(m.Version);
                if (versions.Count == 3)
                {
                    three.TrySetResult();
                }
            }
        });
        await watcher.InvokeAsync("JoinBoard", board.Id);

        (await _owner.PutJsonAsync($"/api/boards/{board.Id}/members/{userId}", new { role = "Member" })).EnsureSuccessStatusCode();
        (await _owner.PutJsonAsync($"/api/boards/{board.Id}/members/{userId}", new { role = "Member" })).EnsureSuccessStatusCode();
        (await _owner.PutJsonAsync($"/api/boards/{board.Id}/members/{userId}", new { role = "Viewer" })).EnsureSuccessStatusCode();
        (await _owner.DeleteAsync($"/api/boards/{board.Id}/members/{userId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await three.Task.WaitAsync(HubClients.Patience);
        versions.ShouldBe([board.Version + 1, board.Version + 2, board.Version + 3], "the same role given twice changes nothing and records nothing");
        (await _owner.GetBoardAsync(board.Id)).Version.ShouldBe(board.Version + 3);
        var trail = await (await _owner.GetAsync($"/api/boards/{board.Id}/activity")).ReadAsync<ActivityPage>();
        trail.Items.Where(i => i.Kind == "MemberChanged").Select(i => i.Summary).ShouldBe(
        [
            "A Viewer left the board",
            "A person's role changed from Member to Viewer",
            "A person joined the board as Member",
        ]);
    }
}
