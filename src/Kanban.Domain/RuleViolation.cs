namespace Kanban.Domain;

/// <summary>
/// A refusal by one of the board's rules. <see cref="ProblemType"/> is one of the contract's
/// problem names (e.g. <c>wip-limit-reached</c>); <see cref="Figures"/> travel to the client as
/// ProblemDetails extensions so it can explain the refusal.
/// </summary>
public sealed class RuleViolation(string problemType, string title, string detail, IReadOnlyDictionary<string, object?>? figures = null)
    : Exception(detail)
{
    public string ProblemType { get; } = problemType;
    public string Title { get; } = title;
    public IReadOnlyDictionary<string, object?> Figures { get; } = figures ?? new Dictionary<string, object?>();
}
