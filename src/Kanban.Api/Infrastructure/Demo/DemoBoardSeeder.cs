using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Data.Accounts;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Demo;

/// <summary>
/// On an empty database, a board with five weeks of believable history: cards that flowed through
/// every lane to done, and work in flight in each lane, so every screen and metric has data.
/// </summary>
public sealed partial class DemoBoardSeeder(KanbanDbContext db, BoardChanges changes, AccountSeeder accounts, TimeProvider clock, ILogger<DemoBoardSeeder> logger)
{
    public const string BoardKey = "DEMO";

    /// <summary>The demo's people, one for each role; the run command prints how to sign in as each.</summary>
    public const string Password = "kanban-demo";

    public static readonly IReadOnlyList<(string Email, string Name, BoardRole? Role)> People =
    [
        ("admin@example.com", "Ada Admin", null),
        ("ana@example.com", "Ana Owner", BoardRole.ProductOwner),
        ("ben@example.com", "Ben Member", BoardRole.Member),
        ("cleo@example.com", "Cleo Viewer", BoardRole.Viewer),
    ];
    private const int DoneCards = 22;

    /// <summary>Where each of the first tickets ends up, by lane position; the rest stay in the backlog.</summary>
    private static readonly int[] InFlightStages = [4, 3, 3, 2, 2, 2, 1, 1, 1, 1];

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Boards.AnyAsync(ct))
        {
            return;
        }

        var people = new List<(User User, BoardRole? Role)>();
        foreach (var (email, name, role) in People)
        {
            people.Add((await accounts.CreateAsync(email, name, Password, isAdmin: role is null), role));
        }

        var now = clock.GetUtcNow();
        var random = new Random(20261126);
        var start = now.AddDays(-35);
        var board = await changes.SaveAsync(() =>
        {
            var board = Board.Create("Payments", BoardKey, start);
            var lanes = board.OrderedLanes.ToList();
            var laneCards = lanes.ToDictionary(l => l.Id, _ => new List<Card>());
            Dictionary<Guid, int> Counts() => laneCards.ToDictionary(l => l.Key, l => l.Value.Count);

            for (var i = 0; i < DemoTickets.All.Count; i++)
            {
                var ticket = DemoTickets.All[i];
                var stage = i < DoneCards ? lanes.Count - 1 : i - DoneCards < InFlightStages.Length ? InFlightStages[i - DoneCards] : 0;
                var path = Timeline(random, i, stage, ticket.EstimateDays, start, now);

                var backlog = laneCards[board.BacklogLane.Id];
                var card = board.SubmitTicket(ticket, backlog.LastOrDefault(), Counts(), path[0], by: null, out var arrival);
                backlog.Add(card);
                db.Cards.Add(card);
                db.CardTransitions.Add(arrival);

                for (var step = 1; step <= stage; step++)
                {
                    var from = laneCards[card.LaneId!.Value];
                    var to = laneCards[lanes[step].Id];
                    if (board.MoveCard(card, lanes[step], to, index: null, Counts(), assigneeActiveCards: 0, path[step], by: null) is { } transition)
                    {
                        db.CardTransitions.Add(transition);
                    }

                    from.Remove(card);
                    to.Add(card);
                }
            }

            db.Boards.Add(board);
            db.BoardMembers.AddRange(people.Where(p => p.Role is not null).Select(p => new BoardMember(board.Id, p.User.Id, p.Role!.Value)));
            return Task.FromResult((board, board));
        }, ct);

        LogSeeded(logger, board.Name, board.Key, DemoTickets.All.Count);
    }

    /// <summary>
    /// The times a card enters each lane up to <paramref name="stage"/>: done cards spread their
    /// completions over the last four weeks; cards in flight arrived recently, one of them long ago.
    /// </summary>
    private static DateTimeOffset[] Timeline(Random random, int index, int stage, decimal estimateDays, DateTimeOffset start, DateTimeOffset now)
    {
        var created = stage == 5
            ? start.AddDays(index * 1.15)
            : index == DoneCards + 1 ? now.AddDays(-16) : now.AddDays(-9 + (random.NextDouble() * 7));
        double[] typicalDays = [0, 1.5, 0.6, (double)estimateDays * 0.9, 0.4, 0.8];

        var path = new DateTimeOffset[stage + 1];
        path[0] = created;
        for (var step = 1; step <= stage; step++)
        {
            path[step] = path[step - 1].AddDays(typicalDays[step] * (0.4 + (random.NextDouble() * 1.2)));
        }

        var latest = now.AddHours(-1);
        if (path[^1] > latest)
        {
            var scale = (latest - created) / (path[^1] - created);
            for (var step = 1; step <= stage; step++)
            {
                path[step] = created + ((path[step] - created) * scale);
            }
        }

        return path;
    }

    /// <summary>Says how to sign in to the demo, at every start while its people exist.</summary>
    public async Task AnnounceAsync(CancellationToken ct)
    {
        var emails = People.Select(p => p.Email.ToUpperInvariant()).ToList();
        if (await db.Users.CountAsync(u => emails.Contains(u.NormalizedEmail!), ct) == People.Count)
        {
            LogSignIn(logger, string.Join(", ", People.Select(p => $"{p.Email} ({(p.Role is { } role ? BoardAccess.Describe(role) : "administrator")})")), Password);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo sign-in: {People}; the password of each is {Password}")]
    private static partial void LogSignIn(ILogger logger, string people, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo board {Name} ({Key}) with {Count} cards; Kanban:SeedDemo=false turns this off.")]
    private static partial void LogSeeded(ILogger logger, string name, string key, int count);
}
