using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Cards;
using Kanban.Api.Realtime;
using Kanban.Domain.Cards;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kanban.Api.Tests.Realtime;

/// <summary>
/// A second screen: a board loaded once, then kept only by the hub's events, as the web does (the
/// next version applies, an old one is ignored, a gap would need a reload, which is counted).
/// </summary>
public sealed class PatchedBoard
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, CardResponse> _cards;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _awaited = long.MaxValue;

    private PatchedBoard(BoardResponse board, HubConnection connection)
    {
        Version = board.Version;
        _cards = board.Cards.ToDictionary(c => c.Id);
        connection.On<CardMovedMessage>(nameof(IBoardClient.CardMoved), m => Apply(m.Version, m.Card, m.Renumbered));
        connection.On<CardMessage>(nameof(IBoardClient.TicketAccepted), m => Apply(m.Version, m.Card, m.Renumbered));
        connection.On<CardMessage>(nameof(IBoardClient.CardChanged), m => Apply(m.Version, m.Card, m.Renumbered));
        connection.On<TicketMessage>(nameof(IBoardClient.TicketSubmitted), m => Apply(m.Version, null, []));
        connection.On<TicketMessage>(nameof(IBoardClient.TicketChanged), m => Apply(m.Version, null, []));
        connection.On<LineMessage>(nameof(IBoardClient.LineStopped), m => Apply(m.Version, null, []));
        connection.On<LineMessage>(nameof(IBoardClient.LineResumed), m => Apply(m.Version, null, []));
    }

    public long Version { get; private set; }

    /// <summary>Events that came after a gap: a screen would have had to reload the board.</summary>
    public int Gaps { get; private set; }

    /// <summary>Events that renumbered other cards of a lane.</summary>
    public int Renumberings { get; private set; }

    public static async Task<PatchedBoard> OpenAsync(HubConnection connection, HttpClient client, Guid boardId)
    {
        await connection.InvokeAsync("JoinBoard", boardId);
        return new PatchedBoard(await client.GetBoardAsync(boardId), connection);
    }

    public IReadOnlyList<(Guid Id, Guid LaneId, long Rank)> Cards()
    {
        lock (_gate)
        {
            return [.. _cards.Values.Select(c => (c.Id, c.LaneId, c.Rank)).OrderBy(c => c.LaneId).ThenBy(c => c.Rank)];
        }
    }

    public Task ReachedAsync(long version)
    {
        lock (_gate)
        {
            _awaited = version;
            if (Version >= version)
            {
                return Task.CompletedTask;
            }

            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _reached.Task.WaitAsync(HubClients.Patience);
        }
    }

    private void Apply(long version, CardResponse? card, IReadOnlyList<CardRank> renumbered)
    {
        lock (_gate)
        {
            if (version <= Version)
            {
                return;
            }

            if (version != Version + 1)
            {
                Gaps++;
            }

            if (card is not null)
            {
                _cards[card.Id] = card;
            }

            Renumberings += renumbered.Count > 0 ? 1 : 0;
            foreach (var moved in renumbered)
            {
                _cards[moved.CardId] = _cards[moved.CardId] with { Rank = moved.Rank };
            }

            Version = version;
            if (Version >= _awaited)
            {
                _reached.TrySetResult();
            }
        }
    }
}
