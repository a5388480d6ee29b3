using Kanban.Domain.Boards;
using Kanban.Domain.Duplicates;
using static Kanban.Domain.Tests.Duplicates.TicketCorpus;

namespace Kanban.Domain.Tests.Duplicates;

/// <summary>
/// Rule 7's ranking over a realistic board (<see cref="TicketCorpus"/>): a copy is found first and
/// scores 1, a duplicate written in other words and with typos is in the top 3, and a ticket about
/// something else stays under the default threshold.
/// </summary>
public sealed class DuplicateRankingTests
{
    private static readonly double DefaultThreshold = new BoardSettings().DuplicateThreshold;

    private readonly DuplicateIndex _index = Index();

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(17)]
    [InlineData(29)]
    public void An_exact_copy_ranks_first_with_score_1(int original)
    {
        var (title, description) = Texts[original];

        var matches = _index.Find(Query(title, description), take: 5);

        matches[0].Ticket.Id.ShouldBe(IdOf(original));
        matches[0].Score.ShouldBe(1);
        matches.Skip(1).ShouldAllBe(m => m.Score < 1);
    }

    [Fact]
    public void A_copy_with_other_case_and_punctuation_still_scores_1()
    {
        var (title, description) = Texts[10];

        var matches = _index.Find(Query(title.ToUpperInvariant() + "!!", description.Replace(",", " ;").Replace(".", "...")), take: 1);

        matches[0].Ticket.Id.ShouldBe(IdOf(10));
        matches[0].Score.ShouldBe(1);
    }

    public static TheoryData<string, string, string> RewordedDuplicates => new()
    {
        {
            "Checkout fails with NullPointerException when the basket has a gift card",
            "Paymnet crashes with a null pointer if a gift-card is in the cart",
            "Tried to pay for a cart with a giftcard and a t-shirt and got the error page. Server log has NullPointerExeption in applyGiftCard."
        },
        {
            "Password reset email never arrives for Outlook addresses",
            "Reset pasword mail not recieved on hotmail",
            "I asked for a password reset three times with my hotmail adress and no mail came, not in spam either. My colleague on gmail got it straight away."
        },
        {
            "Coupon codes are case sensitive at checkout",
            "Discount code refused when typed in lowercase",
            "A shopper entered the voucher summer20 in small letters and the checkout said the code is not valid while SUMMER20 works. Please make the coupon check case insensitve."
        },
        {
            "Stock level shown as negative in the back office",
            "Negativ stock after two people buy the last item",
            "The backoffice shows stock -2 for a lamp. Looks like two customers ordered the last ones at once and both reservations went thru."
        },
        {
            "Mobile menu does not close after choosing a category",
            "Hamburger menu stays opened on phone when tapping a categroy",
            "On my iphone the menu doesnt close after I pick a category, so it looks like nothing happend and I tap it again."
        },
        {
            "Timeout in the warehouse stock sync job at night",
            "Stock sync to warehouse times out overnight",
            "StockSyncJob died again last night after half an hour, SocketTimeoutException from the warehouse api, so the shop shows yesterdays stock."
        },
    };

    [Theory]
    [MemberData(nameof(RewordedDuplicates))]
    public void A_reworded_duplicate_with_typos_ranks_in_the_top_3(string originalTitle, string title, string description)
    {
        var original = IdOf(IndexOfTitle(originalTitle));

        var matches = _index.Find(Query(title, description), take: 3);

        matches.Select(m => m.Ticket.Id).ShouldContain(original, $"top 3: {string.Join(" | ", matches.Select(m => $"{m.Ticket.Title} {m.Score}"))}");
    }

    [Theory]
    [InlineData(
        "Rotate the TLS certificate of the staging gateway",
        "The certificate on the staging API gateway expires on 14 November. Renew it and install it on both load balancers, then confirm the monitoring alert clears.")]
    [InlineData(
        "Add a loyalty points balance to the account page",
        "Members earn points on every purchase but cannot see how many they have. Show the balance and the last ten movements on the account page.")]
    [InlineData(
        "Order page crashes",
        "When I open an order the page shows an error and I cannot see the delivery status.")]
    public void A_ticket_about_something_else_scores_under_the_default_threshold(string title, string description)
    {
        var matches = _index.Find(Query(title, description), take: 5);

        matches.ShouldAllBe(m => m.Score < DefaultThreshold, string.Join(" | ", matches.Select(m => $"{m.Ticket.Title} {m.Score}")));
    }

    [Fact]
    public void The_default_threshold_is_the_one_the_evaluation_chose()
    {
        DefaultThreshold.ShouldBe(0.8);
    }

    [Fact]
    public void Candidates_come_best_first_and_no_more_than_asked()
    {
        var matches = _index.Find(Query("Checkout error page", "The checkout shows an error page when paying for the order."), take: 4);

        matches.Count.ShouldBe(4);
        matches.Select(m => m.Score).ShouldBeInOrder(SortDirection.Descending);
        matches.ShouldAllBe(m => m.Score > 0 && m.Score <= 1);
    }

    [Fact]
    public void A_text_sharing_no_word_with_any_ticket_has_no_candidates()
    {
        _index.Find(Query("Zebra xylophone quokka", "Wombat jacaranda."), take: 5).ShouldBeEmpty();
        _index.Find(Query("", ""), take: 5).ShouldBeEmpty();
        _index.Find(Query("The and of", "it is what it is"), take: 5).ShouldBeEmpty();
    }
}
