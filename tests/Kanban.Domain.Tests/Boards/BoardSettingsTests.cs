using Kanban.Domain.Boards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

public sealed class BoardSettingsTests
{
    [Fact]
    public void Created_settings_have_their_filler_words_trimmed_blanks_dropped_and_each_kept_once_in_any_case()
    {
        var settings = BoardSettings.Create(3, null, 4, 6m, 0.75, ["  works ", "Works", "", "   ", null, "as expected", "AS EXPECTED", "somehow  "]);

        settings.FillerWords.ShouldBe(["works", "as expected", "somehow"]);
        BoardSettings.Create(3, null, 4, 6m, 0.75, settings.FillerWords).FillerWords.ShouldBe(settings.FillerWords);
    }

    [Theory]
    [InlineData(0, 3, 5.0, 0.8)]
    [InlineData(21, 3, 5.0, 0.8)]
    [InlineData(2, 61, 5.0, 0.8)]
    [InlineData(2, 3, 0.4, 0.8)]
    [InlineData(2, 3, 5.0, 1.1)]
    public void Settings_outside_the_board_limits_cannot_be_created(int personalWipLimit, int staleDays, double maxEstimateDays, double duplicateThreshold) =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
            BoardSettings.Create(personalWipLimit, null, staleDays, (decimal)maxEstimateDays, duplicateThreshold, []));

    [Theory]
    [InlineData(6)]
    [InlineData(731)]
    public void A_cycle_time_window_outside_the_board_limits_cannot_be_created(int cycleTimeWindowDays) =>
        Should.Throw<ArgumentOutOfRangeException>(() => BoardSettings.Create(2, null, 3, 5m, 0.8, [], cycleTimeWindowDays: cycleTimeWindowDays))
            .ParamName.ShouldBe("cycleTimeWindowDays");

    [Theory]
    [InlineData(0, 10, "ForecastWeeks")]
    [InlineData(53, 10, "ForecastWeeks")]
    [InlineData(6, 0, "StoppedRedPercent")]
    [InlineData(6, 101, "StoppedRedPercent")]
    public void Status_settings_outside_the_board_limits_cannot_be_created(int forecastWeeks, int stoppedRedPercent, string field) =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
                BoardSettings.Create(2, null, 3, 5m, 0.8, [], status: new StatusSettings(forecastWeeks, null, stoppedRedPercent, false)))
            .ParamName.ShouldBe(field);

    [Fact]
    public void A_target_date_before_2000_cannot_be_created() =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
                BoardSettings.Create(2, null, 3, 5m, 0.8, [], status: StatusSettings.Default with { TargetDate = new DateOnly(1999, 12, 31) }))
            .ParamName.ShouldBe("TargetDate");

    [Fact]
    public void The_status_settings_are_six_weeks_no_target_ten_percent_and_no_sound_unless_given()
    {
        new BoardSettings().Status.ShouldBe(StatusSettings.Default);
        StatusSettings.Default.ShouldBe(new StatusSettings(6, null, 10, false));
        var given = new StatusSettings(12, new DateOnly(2027, 1, 29), 25, true);
        BoardSettings.Create(2, null, 3, 5m, 0.8, [], status: given).Status.ShouldBe(given);
    }

    [Fact]
    public void The_cycle_time_window_is_90_days_unless_given()
    {
        new BoardSettings().CycleTimeWindowDays.ShouldBe(90);
        BoardSettings.Create(2, null, 3, 5m, 0.8, []).CycleTimeWindowDays.ShouldBe(90);
        BoardSettings.Create(2, null, 3, 5m, 0.8, [], cycleTimeWindowDays: 7).CycleTimeWindowDays.ShouldBe(7);
        BoardSettings.Create(2, null, 3, 5m, 0.8, [], cycleTimeWindowDays: 730).CycleTimeWindowDays.ShouldBe(730);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3651)]
    public void A_duplicate_window_outside_the_board_limits_cannot_be_created(int duplicateWindowDays) =>
        Should.Throw<ArgumentOutOfRangeException>(() => BoardSettings.Create(2, null, 3, 5m, 0.8, [], duplicateWindowDays))
            .ParamName.ShouldBe("duplicateWindowDays");

    [Theory]
    [InlineData(1)]
    [InlineData(3650)]
    public void A_duplicate_window_within_the_board_limits_is_kept(int duplicateWindowDays) =>
        BoardSettings.Create(2, null, 3, 5m, 0.8, [], duplicateWindowDays).DuplicateWindowDays.ShouldBe(duplicateWindowDays);

    [Fact]
    public void Identical_settings_have_no_differences()
    {
        var settings = new BoardSettings();

        settings.DifferencesTo(settings.Copy()).ShouldBeEmpty();
    }

    [Fact]
    public void Each_changed_setting_is_listed_with_its_old_and_new_value()
    {
        var before = new BoardSettings();
        var after = before.Copy();
        after.PersonalWipLimit = 1;
        after.StopLineThreshold = 4;
        after.StaleDays = 5;
        after.MaxEstimateDays = 8m;
        after.DuplicateThreshold = 0.75;
        after.DuplicateWindowDays = 90;

        before.DifferencesTo(after).ShouldBe(
        [
            "personal WIP limit 2 → 1",
            "stop-the-line threshold automatic → 4",
            "stale days 3 → 5",
            "max estimate days 5 → 8",
            "duplicate threshold 0.8 → 0.75",
            "duplicate window days 180 → 90",
        ]);
    }

    [Fact]
    public void A_threshold_going_back_to_the_sum_of_the_limits_is_shown_as_automatic()
    {
        var before = new BoardSettings { StopLineThreshold = 4 };
        var after = before.Copy();
        after.StopLineThreshold = null;

        before.DifferencesTo(after).ShouldBe(["stop-the-line threshold 4 → automatic"]);
    }

    [Fact]
    public void Filler_words_added_and_removed_are_listed()
    {
        var before = new BoardSettings();
        var after = before.Copy();
        after.FillerWords.Remove("tbd");
        after.FillerWords.Remove("fine");
        after.FillerWords.Add("asap");

        before.DifferencesTo(after).ShouldBe(["filler words added: asap", "filler words removed: tbd, fine"]);
    }

    [Fact]
    public void Filler_words_are_compared_ignoring_case()
    {
        var before = new BoardSettings();
        var after = before.Copy();
        after.FillerWords = [.. before.FillerWords.Select(w => w.ToUpperInvariant())];

        before.DifferencesTo(after).ShouldBeEmpty();
    }

    [Fact]
    public void Changing_the_settings_replaces_them_and_records_the_differences()
    {
        var board = new BoardHarness();

        var events = board.EventsDuring(() => board.ChangeSettings(s =>
        {
            s.PersonalWipLimit = 3;
            s.StaleDays = 4;
        }));

        board.Board.Settings.PersonalWipLimit.ShouldBe(3);
        board.Board.Settings.StaleDays.ShouldBe(4);
        var changed = events.ShouldHaveSingleItem().ShouldBeOfType<SettingsChanged>();
        changed.Changes.ShouldBe(["personal WIP limit 2 → 3", "stale days 3 → 4"]);
        changed.Summary.ShouldBe("Settings changed: personal WIP limit 2 → 3; stale days 3 → 4");
        changed.At.ShouldBe(Now);
    }
}
