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

    public int PersonalWipLimit { get; set; } = 2;

    /// <summary>Untested cards that stop the line; null means the sum of the untested lanes' limits.</summary>
    public int? StopLineThreshold { get; set; }

    public int StaleDays { get; set; } = 3;
    public decimal MaxEstimateDays { get; set; } = 5;
    public double DuplicateThreshold { get; set; } = 0.8;
    public List<string> FillerWords { get; set; } = [.. DefaultFillerWords];
}
