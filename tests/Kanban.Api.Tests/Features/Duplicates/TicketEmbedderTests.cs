using Kanban.Api.Infrastructure.Duplicates;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kanban.Api.Tests.Features.Duplicates;

public sealed class TicketEmbedderTests
{
    // Thirty everyday words, one word piece each: with [CLS] and [SEP] they fill the check's 32 pieces exactly.
    private const string FirstThirty =
        "the file system server reports an error when the client writes a block to the data node after the name node " +
        "has closed the stream and the user opens a";

    private const string Rest =
        " new session on another host while the old one is still running and every request waits for the lock held by the " +
        "writer that never finishes because its disk is full so the job fails after many hours of work and nobody is told " +
        "until the next morning when the report shows that half of the files are missing from the output folder and the " +
        "team has to run everything again from the start with more space on each disk and a smaller block size";

    private static readonly MiniLmEmbedder Embedder = new(NullLogger<MiniLmEmbedder>.Instance);

    [Fact]
    public void A_check_embeds_its_own_cut_after_a_save_has_embedded_a_longer_one()
    {
        Embedder.Enabled.ShouldBeTrue();
        var whole = FirstThirty + Rest;

        var saved = Embedder.Embed(whole, "", TicketEmbedding.StoredTokens)!;
        var check = Embedder.Embed(whole, "", TicketEmbedding.CheckTokens)!;
        var firstThirtyAlone = Embedder.Embed(FirstThirty, "", 512)!;

        Cosine(check, firstThirtyAlone).ShouldBeGreaterThan(0.99999, "the check's 32 word pieces are the text's first thirty");
        Cosine(check, saved).ShouldBeLessThan(0.999, "the check does not embed the saved ticket's 128 word pieces");
    }

    [Fact]
    public void A_cut_gives_the_same_vector_whatever_was_embedded_before()
    {
        var whole = FirstThirty + Rest;
        var before = Embedder.Embed(whole, "", TicketEmbedding.CheckTokens)!;
        _ = Embedder.Embed(whole, "", 512);
        var after = Embedder.Embed(whole, "", TicketEmbedding.CheckTokens)!;

        Cosine(before, after).ShouldBeGreaterThan(0.99999);
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);
}
