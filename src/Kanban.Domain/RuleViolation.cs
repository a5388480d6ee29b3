using Kanban.Domain.Problems;

namespace Kanban.Domain;

/// <summary>
/// A refusal by one of the board's rules. <see cref="ProblemType"/> is its entry in the catalogue
/// (e.g. <see cref="ProblemType.WipLimitReached"/>), which also says its HTTP status;
/// <see cref="Figures"/> travel to the client as ProblemDetails extensions so it can explain the refusal.
/// </summary>
public sealed class RuleViolation(ProblemType problemType, string title, string detail, IReadOnlyDictionary<string, object?>? figures = null)
    : Exception(detail)
{
    public ProblemType ProblemType { get; } = problemType;
    public string Title { get; } = title;
    public IReadOnlyDictionary<string, object?> Figures { get; } = figures ?? new Dictionary<string, object?>();
}
