namespace Kanban.Domain.Boards;

/// <summary>The inclusive range a number of the board's shape or settings is kept in.</summary>
public sealed record Bounds<T>(T Min, T Max)
    where T : struct, IComparable<T>
{
    public bool Contains(T value) => value.CompareTo(Min) >= 0 && value.CompareTo(Max) <= 0;
}

/// <summary>
/// Every limit on what a board holds, in one place: the routes' validators, the board file's
/// checks, the database's column lengths and the web's forms (through a generated file) read them.
/// </summary>
public static class BoardLimits
{
    public const int BoardNameMaxLength = 120;
    public const int BoardKeyMaxLength = 10;
    public const int LaneNameMaxLength = 60;
    public const int FillerWordsMaxCount = 500;
    public const int FillerWordMaxLength = 60;

    public static readonly Bounds<int> WipLimit = new(1, 999);
    public static readonly Bounds<int> PersonalWipLimit = new(1, 20);
    public static readonly Bounds<int> StopLineThreshold = new(1, 999);
    public static readonly Bounds<int> StaleDays = new(1, 60);
    public static readonly Bounds<decimal> MaxEstimateDays = new(0.5m, 60m);
    public static readonly Bounds<double> DuplicateThreshold = new(0.1, 1.0);
    public static readonly Bounds<int> DuplicateWindowDays = new(1, 3650);
    public static readonly Bounds<int> CycleTimeWindowDays = new(7, 730);
    public static readonly Bounds<int> ForecastWeeks = new(1, 52);
    public static readonly Bounds<int> StoppedRedPercent = new(1, 100);
    public static readonly Bounds<DateOnly> TargetDate = new(new DateOnly(2000, 1, 1), new DateOnly(2199, 12, 31));
    public const int StatusNoteMaxLength = 2000;
}
