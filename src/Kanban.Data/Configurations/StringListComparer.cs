using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kanban.Data.Configurations;

/// <summary>
/// Compares and snapshots a list of strings (a definition of done, a board's filler words) through
/// plain static methods. EF's own comparer for primitive collections builds closures inside its
/// compiled expressions, which makes a new delegate on every comparison of every save.
/// </summary>
internal sealed class StringListComparer() : ValueComparer<List<string>>(
    (a, b) => AreEqual(a, b),
    list => HashOf(list),
    list => Copy(list))
{
    private static bool AreEqual(List<string>? a, List<string>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b, StringComparer.Ordinal));

    private static int HashOf(List<string> list)
    {
        var hash = new HashCode();
        foreach (var item in list)
        {
            hash.Add(item, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private static List<string> Copy(List<string> list) => [.. list];
}
