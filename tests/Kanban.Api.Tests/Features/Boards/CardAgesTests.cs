using System.Globalization;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Cards;
using Kanban.Api.Tests.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.Boards;

/// <summary>
/// The board as a team reads it on Monday 12 October 2026 (London): the known board file's cards
/// with their block, when they started and last moved, their ages in working days, and their people.
/// </summary>
public sealed class CardAgesTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private async Task<(HttpClient Admin, BoardResponse Board)> ImportKnownAsync(string key)
    {
        factory.Clock.Set(ClockedApiFactory.Now);
        var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var imported = await admin.ImportOkAsync(BoardFileSamples.Known(key));
        return (admin, await admin.GetBoardAsync(imported.Id));
    }

    [Fact]
    public async Task Each_card_shows_its_block_start_last_move_and_ages_in_working_days_of_the_boards_zone()
    {
        var (admin, board) = await ImportKnownAsync("AGE");
        using var _ = admin;

        board.TimeZone.ShouldBe("Europe/London");
        var cards = board.Cards.ToDictionary(c => c.Key);
        var blocked = cards["AGE-2"];
        (blocked.Blocked, blocked.BlockedReason, blocked.BlockedSince).ShouldBe((true, "Waiting on the bank", At("2026-10-07T12:00:00Z")));
        // Started Monday 5 October, last moved Tuesday 6: Tue to Fri and Monday 12 are 5 days, Wed to Mon 4.
        (blocked.StartedAt, blocked.LastMovedAt, blocked.AgeDays, blocked.DaysSinceMove)
            .ShouldBe((At("2026-10-05T08:00:00Z"), At("2026-10-06T09:00:00Z"), 5, 4));
        // Never left the backlog: no age; arrived Thursday 8, so Friday and Monday since.
        (cards["AGE-3"].StartedAt, cards["AGE-3"].AgeDays, cards["AGE-3"].LastMovedAt, cards["AGE-3"].DaysSinceMove)
            .ShouldBe((null, null, At("2026-10-08T08:00:00Z"), 2));
        // Started Friday 2 October; last moved on Sunday 4, which is no working day.
        (cards["AGE-4"].AgeDays, cards["AGE-4"].LastMovedAt, cards["AGE-4"].DaysSinceMove).ShouldBe((6, At("2026-10-04T08:00:00Z"), 6));
        (cards["AGE-1"].AgeDays, cards["AGE-1"].DaysSinceMove, cards["AGE-1"].BlockedReason, cards["AGE-1"].BlockedSince).ShouldBe((6, 4, null, null));
    }

    [Fact]
    public async Task The_import_restores_when_each_card_last_moved_from_its_last_history_entry()
    {
        var (admin, board) = await ImportKnownAsync("AGL");
        using var _ = admin;

        var lastMoves = await factory.WithDbAsync(db => db.Cards.Where(c => c.BoardId == board.Id && c.LaneId != null)
            .ToDictionaryAsync(c => c.Key, c => c.LastMovedAt));

        lastMoves.ShouldBe(new Dictionary<string, DateTimeOffset?>
        {
            ["AGL-1"] = At("2026-10-06T10:00:00Z"),
            ["AGL-2"] = At("2026-10-06T09:00:00Z"),
            ["AGL-3"] = At("2026-10-08T08:00:00Z"),
            ["AGL-4"] = At("2026-10-04T08:00:00Z"),
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task Ages_grow_on_weekdays_only_and_by_the_boards_calendar_day()
    {
        var (admin, board) = await ImportKnownAsync("AGW");
        using var _ = admin;
        async Task<int?> AgeAt(string now)
        {
            factory.Clock.Set(At(now));
            return (await admin.GetBoardAsync(board.Id)).Cards.Single(c => c.Key == "AGW-2").AgeDays;
        }

        (await AgeAt("2026-10-16T12:00:00Z")).ShouldBe(9, "Friday");
        (await AgeAt("2026-10-17T12:00:00Z")).ShouldBe(9, "Saturday");
        (await AgeAt("2026-10-18T22:59:00Z")).ShouldBe(9, "Sunday 23:59 in London");
        (await AgeAt("2026-10-18T23:00:00Z")).ShouldBe(10, "Monday 00:00 in London, still Sunday in UTC");
    }

    [Fact]
    public async Task The_board_names_the_people_its_cards_are_assigned_to()
    {
        var (admin, board) = await ImportKnownAsync("AGP");
        using var _ = admin;
        var dev = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "dev@import.example").Select(u => u.Id).SingleAsync());

        board.People.ShouldBe([new PersonResponse(dev, "Dev One")]);
        board.Cards.Single(c => c.Key == "AGP-2").AssigneeId.ShouldBe(dev);
    }

    [Fact]
    public async Task A_move_to_another_lane_is_the_cards_last_move_and_a_reorder_is_not()
    {
        var (admin, board) = await ImportKnownAsync("AGM");
        using var _ = admin;
        factory.Clock.Set(At("2026-10-12T14:30:00Z"));
        var card = board.Cards.Single(c => c.Key == "AGM-4");

        var moved = await admin.MoveOkAsync(card.Id, board.LaneId("Test"));
        factory.Clock.Set(At("2026-10-13T09:00:00Z"));
        await admin.MoveOkAsync(board.Cards.Single(c => c.Key == "AGM-3").Id, board.LaneId("Test"));
        var reordered = await admin.MoveOkAsync(card.Id, board.LaneId("Test"), index: 1);

        (moved.LastMovedAt, moved.DaysSinceMove, moved.AgeDays).ShouldBe((At("2026-10-12T14:30:00Z"), 0, 6));
        (reordered.LastMovedAt, reordered.DaysSinceMove, reordered.AgeDays).ShouldBe((At("2026-10-12T14:30:00Z"), 1, 7));
        (await admin.GetBoardAsync(board.Id)).Cards.Single(c => c.Id == card.Id).ShouldBe(reordered);
    }

    [Fact]
    public async Task A_card_accepted_today_has_no_age_and_moved_today()
    {
        factory.Clock.Set(ClockedApiFactory.Now);
        var client = factory.CreateClient();
        var board = await client.CreateBoardAsync();

        var ticket = await client.AddCardAsync(board.Id);

        var card = (await client.GetBoardAsync(board.Id)).Cards.ShouldHaveSingleItem();
        (card.Id, card.StartedAt, card.AgeDays, card.LastMovedAt, card.DaysSinceMove).ShouldBe((ticket.Id, null, null, ClockedApiFactory.Now, 0));
        (await client.GetBoardAsync(board.Id)).TimeZone.ShouldBe("UTC");
    }
}
