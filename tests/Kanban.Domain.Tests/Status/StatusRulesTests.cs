using Kanban.Domain.Status;

namespace Kanban.Domain.Tests.Status;

public sealed class StatusRulesTests
{
    private static readonly DateOnly Target = new(2026, 11, 30);

    private static readonly StatusFacts Clean = new(
        Stopped: null,
        StoppedShareThisWeek: 0,
        StoppedRedPercent: 10,
        Remaining: 12,
        ForecastP85: new DateOnly(2026, 11, 2),
        ForecastReason: null,
        ForecastHasThroughput: true,
        TargetDate: Target,
        OutlierKeys: [],
        Blocked: [],
        Lanes: [new LaneLoad("Doing", 3, 3)]);

    private static readonly StoppedNow Stop = new("Manual", "Checkout is down", new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, StatusFacts, Rag, string[]> Table => new()
    {
        { "clean", Clean, Rag.Green, [] },
        { "a lane exactly at its limit", Clean with { Lanes = [new LaneLoad("Doing", 3, 3)] }, Rag.Green, [] },
        { "no target date", Clean with { TargetDate = null, ForecastP85 = new DateOnly(2027, 6, 1) }, Rag.Green, [] },
        { "forecast on the target date", Clean with { ForecastP85 = Target }, Rag.Green, [] },
        { "nothing remaining, no forecast date", Clean with { Remaining = 0, ForecastP85 = null, ForecastReason = "Nothing remains to be done." }, Rag.Green, [] },
        { "stopped exactly the limit's share", Clean with { StoppedShareThisWeek = 0.10m }, Rag.Green, [] },
        { "blocked exactly a working day", Clean with { Blocked = [new BlockedCardFact("K-1", 1m)] }, Rag.Green, [] },
        { "line stopped now", Clean with { Stopped = Stop }, Rag.Red, [StatusRules.LineStoppedNow] },
        { "stopped just over the limit's share", Clean with { StoppedShareThisWeek = 0.1001m }, Rag.Red, [StatusRules.LineStoppedThisWeek] },
        { "stopped over a lower limit", Clean with { StoppedShareThisWeek = 0.06m, StoppedRedPercent = 5 }, Rag.Red, [StatusRules.LineStoppedThisWeek] },
        { "forecast a day after the target", Clean with { ForecastP85 = Target.AddDays(1) }, Rag.Red, [StatusRules.ForecastAfterTarget] },
        { "forecast beyond the horizon with a target", Clean with { ForecastP85 = null, ForecastReason = "beyond" }, Rag.Red, [StatusRules.ForecastAfterTarget] },
        { "no throughput with a target", Clean with { ForecastP85 = null, ForecastHasThroughput = false, ForecastReason = "No card was completed." }, Rag.Red, [StatusRules.NoForecastForTarget] },
        { "no throughput without a target", Clean with { ForecastP85 = null, ForecastHasThroughput = false, TargetDate = null }, Rag.Green, [] },
        { "an outlier", Clean with { OutlierKeys = ["K-7"] }, Rag.Amber, [StatusRules.Outliers] },
        { "blocked over a working day", Clean with { Blocked = [new BlockedCardFact("K-2", 1.1m)] }, Rag.Amber, [StatusRules.BlockedOverADay] },
        { "a lane over its limit", Clean with { Lanes = [new LaneLoad("Doing", 4, 3)] }, Rag.Amber, [StatusRules.LaneOverLimit] },
        {
            "two lanes over, an outlier and a stop",
            Clean with { Stopped = Stop, OutlierKeys = ["K-7"], Lanes = [new LaneLoad("Ready", 6, 5), new LaneLoad("Doing", 4, 3)] },
            Rag.Red,
            [StatusRules.LineStoppedNow, StatusRules.Outliers, StatusRules.LaneOverLimit, StatusRules.LaneOverLimit]
        },
        {
            "every rule",
            Clean with
            {
                Stopped = Stop, StoppedShareThisWeek = 0.5m, ForecastP85 = Target.AddDays(30), OutlierKeys = ["K-7"],
                Blocked = [new BlockedCardFact("K-2", 3m)], Lanes = [new LaneLoad("Doing", 4, 3)],
            },
            Rag.Red,
            [StatusRules.LineStoppedNow, StatusRules.LineStoppedThisWeek, StatusRules.ForecastAfterTarget, StatusRules.Outliers, StatusRules.BlockedOverADay, StatusRules.LaneOverLimit]
        },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void The_colour_and_its_reasons_follow_the_published_rules(string situation, StatusFacts facts, Rag rag, string[] rules)
    {
        var verdict = StatusRules.Evaluate(facts);

        verdict.Rag.ShouldBe(rag, situation);
        verdict.Reasons.Select(r => r.Rule).ShouldBe(rules, situation);
    }

    [Fact]
    public void Red_reasons_come_before_amber_ones_and_each_says_its_colour()
    {
        var verdict = StatusRules.Evaluate(Clean with { OutlierKeys = ["K-7"], StoppedShareThisWeek = 0.2m });

        verdict.Reasons.Select(r => (r.Rule, r.Rag)).ShouldBe([(StatusRules.LineStoppedThisWeek, Rag.Red), (StatusRules.Outliers, Rag.Amber)]);
    }

    [Fact]
    public void The_stopped_share_reason_gives_its_figures_in_words_and_numbers()
    {
        var reason = StatusRules.Evaluate(Clean with { StoppedShareThisWeek = 0.14m }).Reasons.ShouldHaveSingleItem();

        reason.Text.ShouldBe("The line was stopped 14% of this week's working time (limit 10%).");
        reason.Figures["stoppedPercent"].ShouldBe(14.0m);
        reason.Figures["limitPercent"].ShouldBe(10);
    }

    [Fact]
    public void The_forecast_reason_names_the_date_the_target_and_the_remaining_cards()
    {
        var reason = StatusRules.Evaluate(Clean with { ForecastP85 = new DateOnly(2026, 12, 4) }).Reasons.ShouldHaveSingleItem();

        reason.Text.ShouldBe("The 12 remaining cards are done by 2026-12-04 with 85% confidence, after the target date 2026-11-30.");
        reason.Figures["p85"].ShouldBe("2026-12-04");
        reason.Figures["targetDate"].ShouldBe("2026-11-30");
        reason.Figures["remaining"].ShouldBe(12);
    }

    [Fact]
    public void The_blocked_reason_lists_the_cards_blocked_longest_first_and_leaves_out_those_blocked_a_day_or_less()
    {
        var reason = StatusRules.Evaluate(Clean with
        {
            Blocked = [new BlockedCardFact("K-1", 1.5m), new BlockedCardFact("K-2", 0.4m), new BlockedCardFact("K-3", 4.25m)],
        }).Reasons.ShouldHaveSingleItem();

        reason.Text.ShouldBe("2 cards blocked for more than a working day: K-3 (4.3 days), K-1 (1.5 days).");
        reason.Figures["count"].ShouldBe(2);
        reason.Figures["longestDays"].ShouldBe(4.3m);
    }

    [Fact]
    public void A_lane_over_its_limit_is_named_with_its_count_and_limit()
    {
        var reason = StatusRules.Evaluate(Clean with { Lanes = [new LaneLoad("Testing", 3, 2)] }).Reasons.ShouldHaveSingleItem();

        reason.Text.ShouldBe("Testing holds 3 cards, over its limit of 2.");
        reason.Figures["lane"].ShouldBe("Testing");
    }

    [Fact]
    public void The_line_stopped_now_reason_says_why_and_since_when()
    {
        var reason = StatusRules.Evaluate(Clean with { Stopped = Stop }).Reasons.ShouldHaveSingleItem();

        reason.Text.ShouldBe("The line is stopped now (manual: Checkout is down) since 2026-10-12 09:00 UTC.");
        reason.Rag.ShouldBe(Rag.Red);
    }
}
