using System.Net;
using System.Text.Json.Nodes;
using Kanban.Api.Tests.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.Cards;

/// <summary>Every period a card was blocked is kept, so blocked time is history, not only the block of now.</summary>
public sealed class BlockPeriodTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task Each_block_and_unblock_keeps_a_period_and_a_change_of_reason_stays_in_the_same_period()
    {
        var board = await _owner.CreateBoardAsync();
        var card = await _owner.AddCardAsync(board.Id);

        await BlockAsync(card.Id, "Waiting for the bank");
        await BlockAsync(card.Id, "Waiting for the bank's second account");
        (await _owner.PostAsync($"/api/cards/{card.Id}/unblock", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await BlockAsync(card.Id, "Waiting for legal");

        var periods = await PeriodsAsync(factory, card.Id);
        periods.Select(p => (p.Reason, Open: p.UnblockedAt is null)).ShouldBe([("Waiting for the bank", false), ("Waiting for legal", true)]);
        periods[0].UnblockedAt!.Value.ShouldBeGreaterThanOrEqualTo(periods[0].BlockedAt);
        periods[1].BlockedAt.ShouldBeGreaterThanOrEqualTo(periods[0].UnblockedAt!.Value);
    }

    [Fact]
    public async Task The_periods_are_exported_and_an_import_keeps_them()
    {
        var board = await _owner.CreateBoardAsync();
        var card = await _owner.AddCardAsync(board.Id);
        await BlockAsync(card.Id, "Waiting for the bank");
        (await _owner.PostAsync($"/api/cards/{card.Id}/unblock", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await BlockAsync(card.Id, "Waiting for legal");

        var file = await _owner.ExportAsync(board.Id);
        var blocks = file["tickets"]![0]!["blocks"]!.AsArray();
        blocks.Select(b => (b!["reason"]!.GetValue<string>(), b["until"] is null)).ShouldBe([("Waiting for the bank", false), ("Waiting for legal", true)]);
        await using var empty = new KanbanApiFactory();
        using var admin = await empty.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var imported = await admin.ImportOkAsync(file);

        var again = await admin.ExportAsync(imported.Id);
        again["tickets"]![0]!["blocks"]!.ToJsonString().ShouldBe(blocks.ToJsonString());
    }

    [Fact]
    public async Task A_file_without_periods_keeps_the_block_the_ticket_is_in_and_its_unblock_closes_it()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var file = BoardFileSamples.Known("OLDBLOCK");
        var blockedTicket = file["tickets"]!.AsArray().First(t => t!["blocked"] is JsonObject)!;
        blockedTicket.AsObject().Remove("blocks");
        var since = blockedTicket["blocked"]!["since"]!.GetValue<DateTimeOffset>();
        var imported = await admin.ImportOkAsync(file);
        var card = (await admin.GetBoardAsync(imported.Id)).Cards.Single(c => c.Key == blockedTicket["key"]!.GetValue<string>());

        (await admin.PostAsync($"/api/cards/{card.Id}/unblock", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var period = (await PeriodsAsync(factory, card.Id)).ShouldHaveSingleItem();
        period.BlockedAt.ShouldBe(since);
        period.UnblockedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Periods_that_overlap_run_backwards_or_stay_open_before_the_last_are_refused_with_their_paths()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var file = BoardFileSamples.Known("BADBLOCK");
        file["tickets"]![0]!["blocks"] = JsonNode.Parse("""
            [ { "reason": "a", "since": "2026-10-02T10:00:00Z", "until": "2026-10-02T09:00:00Z" },
              { "reason": "b", "since": "2026-10-02T08:30:00Z", "until": null },
              { "reason": "", "since": "2026-10-03T09:00:00Z", "until": "2026-10-03T10:00:00Z" } ]
            """);

        var problem = await (await admin.ImportAsync(file)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldContain("$.tickets[0].blocks[0].until");
        problem.Errors.Keys.ShouldContain("$.tickets[0].blocks[1].since");
        problem.Errors.Keys.ShouldContain("$.tickets[0].blocks[1].until");
        problem.Errors.Keys.ShouldContain("$.tickets[0].blocks[2].reason");
        problem.Errors.Keys.ShouldContain("$.tickets[0].blocks[2].since");
    }

    [Fact]
    public async Task A_block_of_now_that_began_before_the_last_period_ended_is_refused_so_every_import_exports_a_file_that_imports_again()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var file = BoardFileSamples.Known("OVERBLOCK");
        var blocked = file["tickets"]!.AsArray().First(t => t!["blocked"] is JsonObject)!;
        var since = blocked["blocked"]!["since"]!.GetValue<DateTimeOffset>();
        blocked["blocks"] = new JsonArray(new JsonObject
        {
            ["reason"] = "Earlier wait", ["since"] = since.AddDays(-2).ToString("O"), ["until"] = since.AddHours(1).ToString("O"),
        });
        var index = file["tickets"]!.AsArray().IndexOf(blocked);

        var problem = await (await admin.ImportAsync(file)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldContain($"$.tickets[{index}].blocked.since");
    }

    private async Task BlockAsync(Guid cardId, string reason) =>
        (await _owner.PostJsonAsync($"/api/cards/{cardId}/block", new { reason })).StatusCode.ShouldBe(HttpStatusCode.OK);

    private static Task<List<CardBlock>> PeriodsAsync(KanbanApiFactory factory, Guid cardId) =>
        factory.WithDbAsync(db => db.CardBlocks.AsNoTracking().Where(b => b.CardId == cardId).OrderBy(b => b.BlockedAt).ToListAsync());
}
