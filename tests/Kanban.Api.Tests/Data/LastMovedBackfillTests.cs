using System.Text.Json.Nodes;
using Kanban.Api.Tests.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kanban.Api.Tests.Data;

public sealed class LastMovedBackfillTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    /// <summary>The migration before the one under test, found by name: each provider's has its own timestamp.</summary>
    private const string BeforeLastMovedAt = "_Triage";

    [Fact]
    public async Task The_migration_fills_in_each_cards_last_move_from_its_latest_transition()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var file = BoardFileSamples.Minimal("BKF", "po@backfill.example");
        file["tickets"] = JsonNode.Parse("""
            [
              { "key": "BKF-1", "title": "Settle refunds daily", "estimateDays": 1, "state": "OnBoard", "lane": "Done",
                "createdAt": "2026-10-01T08:00:00Z",
                "history": [
                  { "at": "2026-10-01T08:00:00Z", "from": null, "to": "Backlog" },
                  { "at": "2026-10-01T09:00:00Z", "from": "Backlog", "to": "Done" }
                ] },
              { "key": "BKF-2", "title": "Settle refunds hourly", "estimateDays": 1, "state": "Triage", "createdAt": "2026-10-01T08:00:00Z" }
            ]
            """);
        var board = await admin.ImportOkAsync(file);
        await factory.WithDbAsync(async db =>
        {
            var card = await db.Cards.SingleAsync(c => c.BoardId == board.Id && c.Key == "BKF-1");
            // The latest of these by the clock is the earliest in its own zone's hours, and the other way round.
            db.CardTransitions.AddRange(
                new CardTransition(board.Id, card.Id, card.LaneId, card.LaneId!.Value, new DateTimeOffset(2026, 10, 1, 7, 30, 0, TimeSpan.FromHours(-2)), null),
                new CardTransition(board.Id, card.Id, card.LaneId, card.LaneId!.Value, new DateTimeOffset(2026, 10, 1, 8, 45, 0, TimeSpan.FromHours(5)), null));
            return await db.SaveChangesAsync();
        });

        var lastMoves = await factory.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith(BeforeLastMovedAt, StringComparison.Ordinal)));
            await migrator.MigrateAsync();
            db.ChangeTracker.Clear();
            return await db.Cards.Where(c => c.BoardId == board.Id).ToDictionaryAsync(c => c.Key, c => c.LastMovedAt);
        });

        lastMoves["BKF-1"].ShouldBe(new DateTimeOffset(2026, 10, 1, 9, 30, 0, TimeSpan.Zero));
        lastMoves["BKF-2"].ShouldBeNull("a ticket in triage never moved");
    }
}
