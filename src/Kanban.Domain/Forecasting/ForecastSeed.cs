namespace Kanban.Domain.Forecasting;

/// <summary>
/// The seed of a board's forecast: derived from its id and version (FNV-1a over their bytes), so the
/// same board unchanged gives the same dates on every refresh and every instance, and a change draws anew.
/// </summary>
public static class ForecastSeed
{
    public static int Of(Guid boardId, long version)
    {
        const uint offset = 2166136261, prime = 16777619;
        var hash = offset;
        foreach (var b in boardId.ToByteArray().Concat(BitConverter.GetBytes(version)))
        {
            hash = (hash ^ b) * prime;
        }

        return unchecked((int)hash);
    }
}
