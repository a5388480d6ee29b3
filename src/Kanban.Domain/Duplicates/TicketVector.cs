namespace Kanban.Domain.Duplicates;

/// <summary>
/// A ticket's sentence embedding, stored with the ticket so it is computed once: by the save that
/// wrote the text, or later for tickets that arrived in bulk (a board file). <see cref="Model"/> names
/// what made it, so a vector of another model is never compared with this one's.
/// </summary>
public sealed class TicketVector
{
    private TicketVector()
    {
        Model = "";
        Vector = [];
    }

    public TicketVector(Guid cardId, Guid boardId, string model, float[] vector, DateTimeOffset embeddedAt)
    {
        CardId = cardId;
        BoardId = boardId;
        Model = model;
        Vector = ToBytes(vector);
        EmbeddedAt = embeddedAt;
    }

    public Guid CardId { get; private set; }
    public Guid BoardId { get; private set; }
    public string Model { get; private set; }

    /// <summary>The floats, little-endian, four bytes each.</summary>
    public byte[] Vector { get; private set; }

    public DateTimeOffset EmbeddedAt { get; private set; }

    public float[] Floats() => ToFloats(Vector);

    public void Replace(string model, float[] vector, DateTimeOffset embeddedAt)
    {
        Model = model;
        Vector = ToBytes(vector);
        EmbeddedAt = embeddedAt;
    }

    public static float[] ToFloats(byte[] bytes)
    {
        var floats = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < floats.Length; i++)
        {
            floats[i] = BitConverter.ToSingle(bytes, i * sizeof(float));
        }

        return floats;
    }

    private static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }
}
