namespace Kanban.Api.Infrastructure;

/// <summary>The problem types of the HTTP contract, as URNs ending in the contract's names.</summary>
public static class Problems
{
    public const string ValidationFailed = "validation-failed";
    public const string NotFound = "not-found";
    public const string Forbidden = "forbidden";
    public const string ConcurrencyConflict = "concurrency-conflict";
    public const string Internal = "internal-error";

    public static string TypeUri(string name) => $"urn:kanban:problem:{name}";
}
