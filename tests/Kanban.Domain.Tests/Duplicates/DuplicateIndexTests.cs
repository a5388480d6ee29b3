using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
using static Kanban.Domain.Tests.Duplicates.TicketCorpus;

namespace Kanban.Domain.Tests.Duplicates;

/// <summary>
/// What a board's index holds and how it scores: a change replaces a ticket whole, the board's
/// window and the ticket itself are left out, embeddings lift what rewording hides, and a recent
/// ticket is a likelier original than an old one.
/// </summary>
public sealed class DuplicateIndexTests
{
    private const string RefundTitle = "Refund button stays enabled after the refund is issued";
    private const string RefundText = "In the back office a support agent can press Refund twice on the same order; the second press refunds again.";

    private readonly DuplicateIndex _index = Index();

    [Fact]
    public void An_upsert_of_a_held_ticket_replaces_its_text()
    {
        var before = _index.Count;
        var refund = IndexOfTitle(RefundTitle);
        var (title, description) = Texts[refund];

        _index.Upsert(Ticket(refund) with
        {
            Title = "Warehouse label printer skips every other label",
            Description = "The Zebra printer at packing desk two feeds a blank label between each printed one.",
        });

        _index.Count.ShouldBe(before);
        _index.Find(Query(title, description), take: 30).Select(m => m.Ticket.Id).ShouldNotContain(IdOf(refund));
        var found = _index.Find(Query("Label printer skips labels", "The packing desk printer feeds a blank label between printed ones."), take: 1).ShouldHaveSingleItem();
        found.Ticket.Id.ShouldBe(IdOf(refund));
        found.Ticket.Title.ShouldBe("Warehouse label printer skips every other label");
    }

    [Fact]
    public void A_removed_ticket_is_no_longer_found_and_the_others_still_are()
    {
        var refund = IndexOfTitle(RefundTitle);
        var (title, description) = Texts[refund];

        _index.Remove(IdOf(refund));

        _index.Count.ShouldBe(Texts.Count - 1);
        _index.Holds(IdOf(refund)).Held.ShouldBeFalse();
        _index.Find(Query(title, description), take: 30).Select(m => m.Ticket.Id).ShouldNotContain(IdOf(refund));
        _index.Find(Query(Texts[3].Title, Texts[3].Description), take: 1)[0].Ticket.Id.ShouldBe(IdOf(3));
    }

    [Fact]
    public void Removing_a_ticket_the_index_does_not_hold_changes_nothing()
    {
        _index.Remove(Guid.NewGuid());

        _index.Count.ShouldBe(Texts.Count);
    }

    [Fact]
    public void A_removed_ticket_added_again_is_found_again()
    {
        var refund = IndexOfTitle(RefundTitle);
        _index.Remove(IdOf(refund));

        _index.Upsert(Ticket(refund));

        var best = _index.Find(Query(Texts[refund].Title, Texts[refund].Description), take: 1)[0];
        (best.Ticket.Id, best.Score).ShouldBe((IdOf(refund), 1.0));
    }

    [Fact]
    public void Many_removals_and_additions_keep_every_live_ticket_findable()
    {
        // Enough churn (1,500 replaced entries) to make the index compact its postings.
        var kept = Enumerable.Range(0, Texts.Count).Select(i => Ticket(i)).ToList();
        var churn = new DuplicateIndex();
        for (var round = 0; round < 50; round++)
        {
            foreach (var ticket in kept)
            {
                churn.Upsert(ticket with { Description = ticket.Description + $" Round {round}." });
            }
        }

        churn.Count.ShouldBe(Texts.Count);
        for (var i = 0; i < Texts.Count; i++)
        {
            churn.Find(Query(Texts[i].Title, Texts[i].Description), take: 1)[0].Ticket.Id.ShouldBe(IdOf(i));
        }
    }

    [Fact]
    public void Words_in_the_title_count_more_than_the_same_words_in_the_description()
    {
        const string refund = "Refund button stays enabled";
        const string printer = "Warehouse label printer jams";
        var index = new DuplicateIndex();
        index.Upsert(new IndexedTicket(Guid.NewGuid(), "K-1", refund, printer, TicketState.Triage, Now.AddDays(-5), null));
        index.Upsert(new IndexedTicket(Guid.NewGuid(), "K-2", printer, refund, TicketState.Triage, Now.AddDays(-5), null));

        var matches = index.Find(Query(refund, "Support pressed it twice."), take: 2);

        matches.Select(m => m.Ticket.Key).ShouldBe(["K-1", "K-2"]);
        matches[0].Score.ShouldBeGreaterThan(matches[1].Score);
    }

    [Fact]
    public void A_closed_ticket_is_a_candidate_while_it_closed_within_the_window_and_not_before()
    {
        var index = new DuplicateIndex();
        var closed = new IndexedTicket(Guid.NewGuid(), "SHOP-90", RefundTitle, RefundText, TicketState.Rejected, Now.AddDays(-400), ClosedAt: Now.AddDays(-30));
        var open = new IndexedTicket(Guid.NewGuid(), "SHOP-91", RefundTitle, RefundText, TicketState.Triage, Now.AddDays(-400), ClosedAt: null);
        index.Upsert(closed);
        index.Upsert(open);

        var within = index.Find(Query(RefundTitle, RefundText, closedSince: Now.AddDays(-31)), take: 5);
        var after = index.Find(Query(RefundTitle, RefundText, closedSince: Now.AddDays(-29)), take: 5);

        within.Select(m => m.Ticket.Id).ShouldBe([open.Id, closed.Id], ignoreOrder: true);
        after.Select(m => m.Ticket.Id).ShouldBe([open.Id], "an open ticket is compared however old it is");
    }

    [Fact]
    public void A_done_ticket_reads_as_done()
    {
        new IndexedTicket(Guid.NewGuid(), "K-1", "t", "d", TicketState.OnBoard, Now, ClosedAt: Now).Done.ShouldBeTrue();
        new IndexedTicket(Guid.NewGuid(), "K-1", "t", "d", TicketState.OnBoard, Now, ClosedAt: null).Done.ShouldBeFalse();
        new IndexedTicket(Guid.NewGuid(), "K-1", "t", "d", TicketState.Rejected, Now, ClosedAt: Now).Done.ShouldBeFalse();
    }

    [Fact]
    public void The_excluded_ticket_is_never_its_own_candidate()
    {
        var refund = IndexOfTitle(RefundTitle);

        var matches = _index.Find(Query(Texts[refund].Title, Texts[refund].Description, exclude: IdOf(refund)), take: 5);

        matches.Select(m => m.Ticket.Id).ShouldNotContain(IdOf(refund));
        matches.ShouldAllBe(m => m.Score < 1);
    }

    [Fact]
    public void A_match_shows_the_start_of_the_description_not_all_of_it()
    {
        var index = new DuplicateIndex();
        var longText = string.Join(" ", Enumerable.Repeat("The refund page times out for large orders.", 20));
        index.Upsert(new IndexedTicket(Guid.NewGuid(), "K-1", "Refund page times out", longText, TicketState.Triage, Now, null));

        var match = index.Find(Query("Refund page times out", "large orders"), take: 1)[0];

        match.Ticket.Description.Length.ShouldBe(DuplicateRules.ExcerptLength);
        match.Ticket.Description.ShouldEndWith("…");
        longText.ShouldStartWith(match.Ticket.Description[..^1].TrimEnd());
    }

    [Fact]
    public void An_embedding_lifts_a_paraphrase_that_shares_few_words_above_one_that_shares_more()
    {
        // The query and the paraphrase mean the same; the other shares more words and means something else.
        var query = Unit(1, 0.2f, 0, 0);
        var paraphrase = new IndexedTicket(Guid.NewGuid(), "K-1", "Application quits when the handset is turned sideways",
            "Switching the device orientation to landscape closes everything.", TicketState.Triage, Now.AddDays(-2), null, Unit(1, 0.25f, 0.05f, 0));
        var wordy = new IndexedTicket(Guid.NewGuid(), "K-2", "Rotate the phone numbers in the support rota",
            "Support phone numbers rotate weekly; the rota page should show this week's phone.", TicketState.Triage, Now.AddDays(-2), null, Unit(0, 0, 1, 0.1f));
        var withVectors = new DuplicateIndex();
        withVectors.Upsert(paraphrase);
        withVectors.Upsert(wordy);
        var wordsOnly = new DuplicateIndex();
        wordsOnly.Upsert(paraphrase with { Vector = null });
        wordsOnly.Upsert(wordy with { Vector = null });
        const string title = "App crashes when I rotate my phone";
        const string description = "Turning the phone to landscape closes the application.";

        var byWords = wordsOnly.Find(Query(title, description, query), take: 2);
        var byMeaning = withVectors.Find(Query(title, description, query), take: 2);

        byWords[0].Ticket.Key.ShouldBe("K-2", "by words alone the ticket sharing \"rotate\" and \"phone\" leads");
        byMeaning[0].Ticket.Key.ShouldBe("K-1");
        byMeaning.Single(m => m.Ticket.Key == "K-1").Score.ShouldBeGreaterThan(byWords.Single(m => m.Ticket.Key == "K-1").Score);
    }

    [Fact]
    public void An_embedding_is_used_only_when_both_sides_have_one()
    {
        var candidate = new IndexedTicket(Guid.NewGuid(), "K-1", "Application quits when the handset is turned sideways",
            "Switching the device orientation to landscape closes everything.", TicketState.Triage, Now.AddDays(-2), null);
        var index = new DuplicateIndex();
        index.Upsert(candidate);
        var withVector = new DuplicateIndex();
        withVector.Upsert(candidate with { Vector = Unit(1, 0, 0, 0) });
        const string title = "App quits when the phone is rotated";

        var neither = index.Find(Query(title, "", null), take: 1)[0].Score;
        var queryOnly = index.Find(Query(title, "", Unit(1, 0, 0, 0)), take: 1)[0].Score;
        var candidateOnly = withVector.Find(Query(title, "", null), take: 1)[0].Score;
        var both = withVector.Find(Query(title, "", Unit(1, 0, 0, 0)), take: 1)[0].Score;

        queryOnly.ShouldBe(neither);
        candidateOnly.ShouldBe(neither);
        both.ShouldBeGreaterThan(neither);
    }

    [Fact]
    public void A_vector_attached_later_counts_like_one_given_at_first()
    {
        var candidate = new IndexedTicket(Guid.NewGuid(), "K-1", "Application quits when the handset is turned sideways",
            "Switching the device orientation to landscape closes everything.", TicketState.Triage, Now.AddDays(-2), null);
        var given = new DuplicateIndex();
        given.Upsert(candidate with { Vector = Unit(1, 0, 0, 0) });
        var attached = new DuplicateIndex();
        attached.Upsert(candidate);

        attached.Holds(candidate.Id).ShouldBe((true, false));
        attached.AttachVector(candidate.Id, Unit(1, 0, 0, 0)).ShouldBeTrue();
        attached.AttachVector(Guid.NewGuid(), Unit(1, 0, 0, 0)).ShouldBeFalse();

        attached.Holds(candidate.Id).ShouldBe((true, true));
        attached.VectorOf(candidate.Id).ShouldBe(Unit(1, 0, 0, 0));
        var query = Query("App quits when the phone is rotated", "", Unit(1, 0, 0, 0));
        attached.Find(query, take: 1)[0].Score.ShouldBe(given.Find(query, take: 1)[0].Score);
    }

    [Fact]
    public void Of_two_tickets_saying_the_same_the_newer_scores_higher()
    {
        var index = new DuplicateIndex();
        var old = new IndexedTicket(Guid.NewGuid(), "K-1", RefundTitle, RefundText, TicketState.OnBoard, Now.AddDays(-400), null);
        var recent = new IndexedTicket(Guid.NewGuid(), "K-2", RefundTitle, RefundText, TicketState.Triage, Now.AddDays(-3), null);
        // The older one first, so an order by insertion would put it first.
        index.Upsert(old);
        index.Upsert(recent);

        var matches = index.Find(Query("Refund pressed twice refunds twice", "An agent pressed the Refund button twice and the order was refunded two times."), take: 2);

        matches.Select(m => m.Ticket.Key).ShouldBe(["K-2", "K-1"]);
        matches[0].Score.ShouldBeGreaterThan(matches[1].Score);
    }

    [Fact]
    public void An_exact_copy_of_an_old_ticket_still_scores_1()
    {
        var index = new DuplicateIndex();
        index.Upsert(new IndexedTicket(Guid.NewGuid(), "K-1", RefundTitle, RefundText, TicketState.OnBoard, Now.AddDays(-3 * 365), null, Unit(0, 1, 0, 0)));
        index.Upsert(new IndexedTicket(Guid.NewGuid(), "K-2", "Refund button greyed out", "The refund button is greyed out for paid orders.", TicketState.Triage, Now.AddDays(-1), null));

        var best = index.Find(Query(RefundTitle, RefundText, Unit(0, 1, 0, 0)), take: 2)[0];

        (best.Ticket.Key, best.Score).ShouldBe(("K-1", 1.0));
    }

    [Fact]
    public void Concurrent_searches_and_changes_keep_the_index_whole()
    {
        var index = Index();
        var added = new System.Collections.Concurrent.ConcurrentBag<Guid>();

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
        {
            var i = n % Texts.Count;
            if (n % 3 == 0)
            {
                var id = Guid.NewGuid();
                index.Upsert(Ticket(i) with { Id = id, Key = $"NEW-{n}" });
                added.Add(id);
            }
            else
            {
                index.Find(Query(Texts[i].Title, Texts[i].Description), take: 5).ShouldNotBeEmpty();
            }
        });

        index.Count.ShouldBe(Texts.Count + added.Count);
        for (var i = 0; i < Texts.Count; i++)
        {
            index.Find(Query(Texts[i].Title, Texts[i].Description), take: 20).ShouldContain(m => m.Ticket.Id == IdOf(i) && m.Score == 1);
        }
    }

    private static float[] Unit(params float[] values)
    {
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        return [.. values.Select(v => v / norm)];
    }
}
