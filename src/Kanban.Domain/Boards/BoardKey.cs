using System.Text.RegularExpressions;

namespace Kanban.Domain.Boards;

public static partial class BoardKey
{
    public const string Rule = "2 to 10 capital letters or digits, starting with a letter";

    public static bool IsValid(string? key) => key is not null && Pattern().IsMatch(key);

    public static string CardKey(string boardKey, int number) => $"{boardKey}-{number}";

    [GeneratedRegex("^[A-Z][A-Z0-9]{1,9}$")]
    private static partial Regex Pattern();
}
