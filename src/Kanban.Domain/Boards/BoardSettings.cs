namespace Kanban.Domain.Boards;

/// <summary>The board's rule settings; the rules that read them arrive with their features.</summary>
public sealed class BoardSettings
{
    public static readonly IReadOnlyList<string> DefaultFillerWords =
    [
        "works", "working", "as expected", "properly", "correctly", "etc", "etc.", "tbd", "tbc", "fixed",
        "done", "should be good", "as needed", "and so on", "somehow", "looks good", "fine", "ok",
        "appropriate", "appropriately", "user friendly", "fast enough", "as usual", "and more",
    ];

    /// <summary>
    /// Settings from what a person or a file gave, the filler words cleaned (<see cref="CleanFillerWords"/>):
    /// the one way input becomes settings, so a board saved one way reads back the same the other.
    /// Values outside <see cref="BoardLimits"/> are a bug of the caller, whose validator checks them first.
    /// Without <paramref name="duplicateWindowDays"/> or <paramref name="cycleTimeWindowDays"/> the window is the default; a caller that has one (the route, a file) passes it.
    /// </summary>
    public static BoardSettings Create(
        int personalWipLimit,
        int? stopLineThreshold,
        int staleDays,
        decimal maxEstimateDays,
        double duplicateThreshold,
        IEnumerable<string?> fillerWords,
        int duplicateWindowDays = DefaultDuplicateWindowDays,
        int cycleTimeWindowDays = DefaultCycleTimeWindowDays,
        StatusSettings? status = null)
    {
        status ??= StatusSettings.Default;
        Within(BoardLimits.PersonalWipLimit, personalWipLimit, nameof(personalWipLimit));
        if (stopLineThreshold is { } threshold)
        {
            Within(BoardLimits.StopLineThreshold, threshold, nameof(stopLineThreshold));
        }

        Within(BoardLimits.StaleDays, staleDays, nameof(staleDays));
        Within(BoardLimits.MaxEstimateDays, maxEstimateDays, nameof(maxEstimateDays));
        Within(BoardLimits.DuplicateThreshold, duplicateThreshold, nameof(duplicateThreshold));
        Within(BoardLimits.DuplicateWindowDays, duplicateWindowDays, nameof(duplicateWindowDays));
        Within(BoardLimits.CycleTimeWindowDays, cycleTimeWindowDays, nameof(cycleTimeWindowDays));
        Within(BoardLimits.ForecastWeeks, status.ForecastWeeks, nameof(status.ForecastWeeks));
        Within(BoardLimits.StoppedRedPercent, status.StoppedRedPercent, nameof(status.StoppedRedPercent));
        if (status.TargetDate is { } target)
        {
            Within(BoardLimits.TargetDate, target, nameof(status.TargetDate));
        }
        var words = CleanFillerWords(fillerWords);
        if (words.Count > BoardLimits.FillerWordsMaxCount || words.Any(w => w.Length > BoardLimits.FillerWordMaxLength))
        {
            throw new ArgumentOutOfRangeException(nameof(fillerWords), $"At most {BoardLimits.FillerWordsMaxCount} filler words of at most {BoardLimits.FillerWordMaxLength} characters.");
        }

        return new BoardSettings
        {
            PersonalWipLimit = personalWipLimit,
            StopLineThreshold = stopLineThreshold,
            StaleDays = staleDays,
            MaxEstimateDays = maxEstimateDays,
            DuplicateThreshold = duplicateThreshold,
            DuplicateWindowDays = duplicateWindowDays,
            CycleTimeWindowDays = cycleTimeWindowDays,
            ForecastWeeks = status.ForecastWeeks,
            TargetDate = status.TargetDate,
            StoppedRedPercent = status.StoppedRedPercent,
            LineStopSound = status.LineStopSound,
            FillerWords = words,
        };
    }

    /// <summary>Each word trimmed, blanks dropped, and a word given again in any case kept once, as first given.</summary>
    public static List<string> CleanFillerWords(IEnumerable<string?> words) =>
        [.. words.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    public int PersonalWipLimit { get; set; } = 2;

    /// <summary>Untested cards that stop the line; null means the sum of the untested lanes' limits.</summary>
    public int? StopLineThreshold { get; set; }

    public int StaleDays { get; set; } = 3;
    public decimal MaxEstimateDays { get; set; } = 5;
    /// <summary>
    /// The score from which a submission is a likely duplicate, chosen from the evaluation on real bug
    /// reports (docs/duplicates.md, "The default threshold").
    /// </summary>
    public const double DefaultDuplicateThreshold = 0.8;

    public double DuplicateThreshold { get; set; } = DefaultDuplicateThreshold;

    public const int DefaultDuplicateWindowDays = 180;

    /// <summary>How long a closed ticket (done, rejected) is still compared with new submissions.</summary>
    public int DuplicateWindowDays { get; set; } = DefaultDuplicateWindowDays;

    public const int DefaultCycleTimeWindowDays = 90;

    /// <summary>How many days back the cards completed count towards the board's cycle time percentiles.</summary>
    public int CycleTimeWindowDays { get; set; } = DefaultCycleTimeWindowDays;
    public List<string> FillerWords { get; set; } = [.. DefaultFillerWords];

    public const int DefaultForecastWeeks = 6;

    /// <summary>How many weeks of daily throughput the forecast samples.</summary>
    public int ForecastWeeks { get; set; } = DefaultForecastWeeks;

    /// <summary>The date the board's work is wanted by; the status is red when the 85% forecast falls after it.</summary>
    public DateOnly? TargetDate { get; set; }

    public const int DefaultStoppedRedPercent = 10;

    /// <summary>The status is red when the line was stopped more than this share (in percent) of this week's working time.</summary>
    public int StoppedRedPercent { get; set; } = DefaultStoppedRedPercent;

    /// <summary>Whether the wall plays a sound when the line stops; off unless the team asks for it.</summary>
    public bool LineStopSound { get; set; }

    /// <summary>The settings the status and the wall read, as one value a route or a file passes in.</summary>
    public StatusSettings Status => new(ForecastWeeks, TargetDate, StoppedRedPercent, LineStopSound);

    /// <summary>What differs in <paramref name="other"/>, in words, for the activity trail.</summary>
    public IReadOnlyList<string> DifferencesTo(BoardSettings other)
    {
        var changes = new List<string>();
        void Compare<T>(string name, T before, T after)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after))
            {
                changes.Add($"{name} {Show(before)} → {Show(after)}");
            }
        }

        Compare("personal WIP limit", PersonalWipLimit, other.PersonalWipLimit);
        Compare("stop-the-line threshold", StopLineThreshold, other.StopLineThreshold);
        Compare("stale days", StaleDays, other.StaleDays);
        Compare("max estimate days", MaxEstimateDays, other.MaxEstimateDays);
        Compare("duplicate threshold", DuplicateThreshold, other.DuplicateThreshold);
        Compare("duplicate window days", DuplicateWindowDays, other.DuplicateWindowDays);
        Compare("cycle time window days", CycleTimeWindowDays, other.CycleTimeWindowDays);
        Compare("forecast weeks", ForecastWeeks, other.ForecastWeeks);
        Compare("target date", DateOrNone(TargetDate), DateOrNone(other.TargetDate));
        Compare("stopped red percent", StoppedRedPercent, other.StoppedRedPercent);
        Compare("line stop sound", LineStopSound, other.LineStopSound);

        var added = other.FillerWords.Except(FillerWords, StringComparer.OrdinalIgnoreCase).ToList();
        var removed = FillerWords.Except(other.FillerWords, StringComparer.OrdinalIgnoreCase).ToList();
        if (added.Count > 0)
        {
            changes.Add($"filler words added: {string.Join(", ", added)}");
        }

        if (removed.Count > 0)
        {
            changes.Add($"filler words removed: {string.Join(", ", removed)}");
        }

        return changes;
    }

    private static void Within<T>(Bounds<T> bounds, T value, string name)
        where T : struct, IComparable<T>
    {
        if (!bounds.Contains(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"From {bounds.Min} to {bounds.Max}.");
        }
    }

    private static string DateOrNone(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    private static string Show<T>(T value) => value switch
    {
        null => "automatic",
        bool b => b ? "on" : "off",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>The settings of the status page and the wall: what a caller that has them passes in together.</summary>
public sealed record StatusSettings(int ForecastWeeks, DateOnly? TargetDate, int StoppedRedPercent, bool LineStopSound)
{
    public static readonly StatusSettings Default = new(BoardSettings.DefaultForecastWeeks, null, BoardSettings.DefaultStoppedRedPercent, false);
}
