using System.Net;
using Kanban.Api.Features.ShareLinks;
using Kanban.Api.Realtime;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Boards;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kanban.Api.Tests.Realtime;

/// <summary>
/// Access on the hub is live: removing someone, lowering their role or revoking a share link ends
/// their open connections' view of the board at once, with AccessRevoked, and nothing more reaches them.
/// </summary>
public sealed class LiveAccessTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task A_member_removed_from_the_board_is_told_why_and_receives_no_more_of_its_events()
    {
        var (board, card) = await BoardWithCardAsync();
        var userId = await AddMemberAsync(board.Id, "removed-live@test.example", "Member");
        await using var watched = await Watch(board.Id, await factory.ConnectAsync("removed-live@test.example"));
        await using var control = await Watch(board.Id, await factory.ConnectAsync());

        (await _owner.DeleteAsync($"/api/boards/{board.Id}/members/{userId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var revoked = await watched.Revoked.Task.WaitAsync(HubClients.Patience);
        revoked.BoardId.ShouldBe(board.Id);
        revoked.Role.ShouldBeNull();
        revoked.Reason.ShouldContain("removed");
        await ShouldReceiveNoMoreAsync(board, card, watched, control);
    }

    [Fact]
    public async Task A_member_lowered_to_viewer_is_told_their_new_role_and_leaves_the_group()
    {
        var (board, card) = await BoardWithCardAsync();
        var userId = await AddMemberAsync(board.Id, "lowered-live@test.example", "Member");
        await using var watched = await Watch(board.Id, await factory.ConnectAsync("lowered-live@test.example"));
        await using var control = await Watch(board.Id, await factory.ConnectAsync());

        (await _owner.PutJsonAsync($"/api/boards/{board.Id}/members/{userId}", new { role = "Viewer" })).EnsureSuccessStatusCode();

        var revoked = await watched.Revoked.Task.WaitAsync(HubClients.Patience);
        revoked.Role.ShouldBe(BoardRole.Viewer);
        revoked.Reason.ShouldBe("Your role on this board is now viewer.");
        await ShouldReceiveNoMoreAsync(board, card, watched, control);
    }

    [Fact]
    public async Task A_raised_role_leaves_the_connection_on_the_board()
    {
        var (board, card) = await BoardWithCardAsync();
        var userId = await AddMemberAsync(board.Id, "raised-live@test.example", "Viewer");
        await using var watched = await Watch(board.Id, await factory.ConnectAsync("raised-live@test.example"));

        (await _owner.PutJsonAsync($"/api/boards/{board.Id}/members/{userId}", new { role = "Member" })).EnsureSuccessStatusCode();
        await _owner.MoveOkAsync(card.Id, board.LaneId("Ready"));

        (await watched.Moved.Task.WaitAsync(HubClients.Patience)).Card.Id.ShouldBe(card.Id);
        watched.Revoked.Task.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task A_revoked_share_link_is_told_and_its_wall_receives_no_more_events()
    {
        var (board, card) = await BoardWithCardAsync();
        var link = await (await _owner.PostJsonAsync($"/api/boards/{board.Id}/share-links", new { view = "wall" }))
            .ReadAsync<CreatedShareLinkResponse>(HttpStatusCode.Created);
        var other = await (await _owner.PostJsonAsync($"/api/boards/{board.Id}/share-links", new { view = "wall" }))
            .ReadAsync<CreatedShareLinkResponse>(HttpStatusCode.Created);
        await using var watched = await Watch(board.Id, await factory.ConnectWithShareLinkAsync(link.Url.Split("share=")[1]));
        await using var control = await Watch(board.Id, await factory.ConnectWithShareLinkAsync(other.Url.Split("share=")[1]));

        (await _owner.DeleteAsync($"/api/share-links/{link.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var revoked = await watched.Revoked.Task.WaitAsync(HubClients.Patience);
        revoked.BoardId.ShouldBe(board.Id);
        revoked.Reason.ShouldContain("revoked");
        await ShouldReceiveNoMoreAsync(board, card, watched, control);
    }

    [Fact]
    public async Task A_connection_opened_with_a_share_link_cannot_join_after_the_link_is_revoked()
    {
        var (board, _) = await BoardWithCardAsync();
        var link = await (await _owner.PostJsonAsync($"/api/boards/{board.Id}/share-links", new { view = "wall" }))
            .ReadAsync<CreatedShareLinkResponse>(HttpStatusCode.Created);
        await using var connection = await factory.ConnectWithShareLinkAsync(link.Url.Split("share=")[1], webSockets: true);

        (await _owner.DeleteAsync($"/api/share-links/{link.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var refused = await Should.ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>(() => connection.InvokeAsync("JoinBoard", board.Id));
        refused.Message.ShouldContain("revoked");
    }

    [Fact]
    public async Task An_admin_removed_as_a_member_keeps_reading_the_board()
    {
        var (board, card) = await BoardWithCardAsync();
        var adminId = await AddMemberAsync(board.Id, KanbanApiFactory.AdminEmail, "Member");
        await using var watched = await Watch(board.Id, await factory.ConnectAsync(KanbanApiFactory.AdminEmail));

        (await _owner.DeleteAsync($"/api/boards/{board.Id}/members/{adminId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await _owner.MoveOkAsync(card.Id, board.LaneId("Ready"));

        (await watched.Moved.Task.WaitAsync(HubClients.Patience)).Card.Id.ShouldBe(card.Id);
        watched.Revoked.Task.IsCompleted.ShouldBeFalse();
    }

    private async Task<(Kanban.Api.Features.Boards.BoardResponse Board, Kanban.Api.Features.Tickets.TicketResponse Card)> BoardWithCardAsync()
    {
        var board = await _owner.CreateBoardAsync();
        return (board, await _owner.AddCardAsync(board.Id));
    }

    private async Task<Guid> AddMemberAsync(Guid boardId, string email, string role)
    {
        var userId = await factory.UserIdOfAsync(email);
        (await _owner.PutJsonAsync($"/api/boards/{boardId}/members/{userId}", new { role })).EnsureSuccessStatusCode();
        return userId;
    }

    /// <summary>After the revocation, a move reaches a connection still on the board, and not the revoked one.</summary>
    private async Task ShouldReceiveNoMoreAsync(
        Kanban.Api.Features.Boards.BoardResponse board, Kanban.Api.Features.Tickets.TicketResponse card, Watcher watched, Watcher control)
    {
        await _owner.MoveOkAsync(card.Id, board.LaneId("Ready"));

        (await control.Moved.Task.WaitAsync(HubClients.Patience)).Card.Id.ShouldBe(card.Id);

        // The same broadcast would reach a connection still in the group at about the same moment.
        await Task.WhenAny(watched.Moved.Task, Task.Delay(500));
        watched.Moved.Task.IsCompleted.ShouldBeFalse("the revoked connection must have left the board's group");
    }

    private static async Task<Watcher> Watch(Guid boardId, HubConnection connection)
    {
        var watcher = new Watcher(connection);
        connection.On<AccessRevokedMessage>(nameof(IBoardClient.AccessRevoked), m => watcher.Revoked.TrySetResult(m));
        connection.On<CardMovedMessage>(nameof(IBoardClient.CardMoved), m => watcher.Moved.TrySetResult(m));
        await connection.InvokeAsync("JoinBoard", boardId);
        return watcher;
    }

    private sealed class Watcher(HubConnection connection) : IAsyncDisposable
    {
        public TaskCompletionSource<AccessRevokedMessage> Revoked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<CardMovedMessage> Moved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
