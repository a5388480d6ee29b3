using System.Text.RegularExpressions;

namespace Kanban.Api.Infrastructure;

/// <summary>Field names as people read them in error messages: "PersonalWipLimit" → "Personal WIP limit".</summary>
public static partial class FieldNames
{
    public static string Humanize(string name)
    {
        var words = Words().Replace(name, " $1").Trim().ToLowerInvariant();
        words = words.Replace("wip", "WIP", StringComparison.Ordinal);
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}
