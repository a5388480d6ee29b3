namespace Kanban.Domain.Problems;

/// <summary>
/// The catalogue of the contract's problem types: each has one name (the end of its <see cref="Uri"/>)
/// and one HTTP status. The web's list is generated from <see cref="All"/>.
/// </summary>
public sealed record ProblemType(string Name, int Status)
{
    public static readonly ProblemType ValidationFailed = new("validation-failed", 400);
    public static readonly ProblemType Unauthorized = new("unauthorized", 401);
    public static readonly ProblemType Forbidden = new("forbidden", 403);
    public static readonly ProblemType NotFound = new("not-found", 404);

    /// <summary>The route exists, but not for this HTTP method; the answer's <c>Allow</c> header lists those it takes.</summary>
    public static readonly ProblemType MethodNotAllowed = new("method-not-allowed", 405);

    public static readonly ProblemType WipLimitReached = new("wip-limit-reached", 409);
    public static readonly ProblemType PersonalWipLimitReached = new("personal-wip-limit-reached", 409);
    public static readonly ProblemType LineStopped = new("line-stopped", 409);
    public static readonly ProblemType LineNotStopped = new("line-not-stopped", 409);
    public static readonly ProblemType QualityGateFailed = new("quality-gate-failed", 409);
    public static readonly ProblemType LikelyDuplicate = new("likely-duplicate", 409);
    public static readonly ProblemType TicketNotInTriage = new("ticket-not-in-triage", 409);
    public static readonly ProblemType ConcurrencyConflict = new("concurrency-conflict", 409);

    /// <summary>A triage decision can no longer be undone: too late, someone else's, or the ticket changed since.</summary>
    public static readonly ProblemType UndoNotPossible = new("undo-not-possible", 409);

    /// <summary>A unique value (a board key, an account's e-mail) is already taken.</summary>
    public static readonly ProblemType Conflict = new("conflict", 409);

    public static readonly ProblemType LaneNotEmpty = new("lane-not-empty", 409);
    public static readonly ProblemType LastProductOwner = new("last-product-owner", 409);
    public static readonly ProblemType TooManyRequests = new("too-many-requests", 429);
    public static readonly ProblemType Internal = new("internal-error", 500);

    /// <summary>Every problem type, in the order above.</summary>
    public static IReadOnlyList<ProblemType> All { get; } =
    [
        ValidationFailed, Unauthorized, Forbidden, NotFound, MethodNotAllowed,
        WipLimitReached, PersonalWipLimitReached, LineStopped, LineNotStopped, QualityGateFailed, LikelyDuplicate,
        TicketNotInTriage, ConcurrencyConflict, UndoNotPossible, Conflict, LaneNotEmpty, LastProductOwner,
        TooManyRequests, Internal,
    ];

    public string Uri => $"urn:kanban:problem:{Name}";

    public override string ToString() => Name;
}
