using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;

namespace Kanban.Domain.Tests.Duplicates;

/// <summary>
/// Thirty tickets as a web shop's team would file them: bugs and features of different parts of
/// the product, several sharing the everyday words (page, order, customer, error) that make
/// duplicate detection hard. Each has its own id, key and age; none is a duplicate of another.
/// </summary>
internal static class TicketCorpus
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<(string Title, string Description)> Texts =
    [
        ("Checkout fails with NullPointerException when the basket has a gift card",
            "Paying for a basket that holds a gift card and a normal product ends on a 500 page. The log shows java.lang.NullPointerException at CheckoutService.applyGiftCard line 212. Baskets without a gift card pay fine."),
        ("Password reset email never arrives for Outlook addresses",
            "Customers with outlook.com or hotmail.com addresses ask for a password reset and get nothing, not even in junk. Gmail addresses receive it within a minute. The mail provider's dashboard shows the messages as deferred."),
        ("Export the monthly sales report as CSV",
            "Finance copies the monthly sales table into a spreadsheet by hand every month. Add a button on the report page that downloads the same figures as a CSV file, one row per product and day."),
        ("Search returns no results for product names with accents",
            "Searching for \"creme brulee\" finds nothing although we sell a Crème Brûlée kit; typing the accents finds it. Shoppers on phones rarely type accents, so they think we do not stock it."),
        ("Order confirmation page shows the wrong delivery date",
            "After paying, the confirmation page says delivery on the next working day even when the customer chose the weekend slot. The email that follows has the right date, so the page reads a different field."),
        ("Add dark mode to the customer account pages",
            "Several customers asked for a dark theme. The account, orders and addresses pages should follow the operating system's dark setting, with a switch in the profile to override it."),
        ("Timeout in the warehouse stock sync job at night",
            "The nightly StockSyncJob stops after 30 minutes with a SocketTimeoutException talking to the warehouse API. Stock levels in the shop are then a day old and we sell items we no longer have."),
        ("Invoices PDF has the company address on two pages",
            "When the billing address is long the invoice PDF pushes the company footer onto a second, otherwise empty page. Accounts print these and complain about the waste of paper."),
        ("Allow customers to save more than one delivery address",
            "Today an account holds one delivery address, and people sending gifts retype the address each time. Let them keep several addresses, pick one at checkout and mark one as the default."),
        ("Mobile menu does not close after choosing a category",
            "On phones the hamburger menu stays open over the page after tapping a category, so the customer sees nothing change and taps again. It should close and scroll to the top of the category."),
        ("Coupon codes are case sensitive at checkout",
            "A customer typed summer20 instead of SUMMER20 and was told the code is invalid. Codes are printed in capitals on flyers but people type them in lower case; the check should ignore case."),
        ("Slow product listing page for large categories",
            "The Garden category with 4,000 products takes eight seconds to show its first page. The query loads every product and sorts in memory; it should page in the database and cache the counts."),
        ("Two-factor authentication for staff accounts",
            "Staff accounts can refund orders and change prices but sign in with a password alone. Require a second factor (an authenticator app code) for every staff sign-in, with recovery codes."),
        ("Newsletter signup form accepts invalid emails",
            "The footer signup accepts addresses such as \"john@\" and \"mary at example\", which bounce later and hurt our sender reputation. Validate the address on the form and tell the visitor what is wrong."),
        ("Refund button stays enabled after the refund is issued",
            "In the back office a support agent can press Refund twice on the same order; the second press refunds again. The button should turn into a note saying when and by whom the order was refunded."),
        ("Product images blurry on high resolution screens",
            "On retina laptops and recent phones the product photos look soft because we serve one 600 pixel image to everybody. Serve a srcset with larger sizes so the photos are sharp."),
        ("Translate the checkout into German",
            "We start selling to Germany next quarter. Every checkout step, its error messages and the confirmation email need German text, chosen by the browser's language with a switch in the header."),
        ("Cart total ignores the shipping discount for members",
            "Members have free shipping above 50 euros, and the basket page shows it, but the total at payment still adds the shipping cost. Members are charged 4.95 too much and support refunds it by hand."),
        ("Customer can't upload a profile picture larger than 1 MB",
            "Uploading a 3 MB photo as the profile picture shows \"Something went wrong\". The server refuses bodies over 1 MB. Resize large images in the browser before upload, and say the limit if it is still too big."),
        ("Audit log of price changes",
            "When a price changes nobody can tell who changed it or what it was before. Keep a log of every price change with the old and new price, who made it and when, readable by managers."),
        ("Back office session expires while writing a long reply",
            "Support agents write long answers to complaints and lose them when the session times out after 15 minutes of typing. Keep the session alive while the agent is active, or save the draft."),
        ("ConcurrentModificationException in the recommendation service",
            "The recommendations box on product pages is empty a few times an hour. The service logs java.util.ConcurrentModificationException from RecommendationCache.refresh while a request iterates the same list."),
        ("Show estimated delivery on product pages",
            "Shoppers ask when an item would arrive before they add it to the basket. Show an estimated delivery window under the price, from the warehouse stock and the chosen postcode."),
        ("Order history paging skips orders",
            "In My orders, moving from page one to page two skips some orders when two orders were placed in the same second. The paging sorts by date only and should also sort by order number."),
        ("Accessibility: form errors are not announced to screen readers",
            "A blind customer told us the checkout does not say what is wrong when a field is invalid; the red text appears but the screen reader is silent. Link each error to its field and announce it."),
        ("Webhook from the payment provider retried forever",
            "When our endpoint answers 500 to the payment provider's payment.succeeded webhook, it retries every minute for days and floods the logs. Answer 200 for events we already processed and alert on failures."),
        ("Import products from the supplier spreadsheet",
            "Buyers add new products one by one from the supplier's price list. Let them upload the supplier's XLSX file and create or update products by their SKU, showing a preview before saving."),
        ("Cookie banner covers the pay button on small phones",
            "On phones under 5 inches the cookie consent banner sits over the Pay now button at the bottom of the checkout, and some people cannot find how to close it. Move it or make it smaller."),
        ("Gift wrapping option at checkout",
            "Offer gift wrapping for 2.50 per item at checkout, with a short message printed on a card. The warehouse picking list must show which items to wrap and the message."),
        ("Stock level shown as negative in the back office",
            "Some products show a stock of -3 in the back office after a busy weekend. Two orders reserved the last items at the same time; reservations should be checked in one transaction."),
    ];

    public static Guid IdOf(int index) => new($"00000000-0000-7000-8000-{index + 1:D12}");

    public static string KeyOf(int index) => $"SHOP-{index + 1}";

    /// <summary>An index of the corpus, ticket <c>i</c> filed <c>3 * i + 1</c> days ago, each open in triage or on the board.</summary>
    public static DuplicateIndex Index()
    {
        var index = new DuplicateIndex();
        for (var i = 0; i < Texts.Count; i++)
        {
            index.Upsert(Ticket(i));
        }

        return index;
    }

    public static IndexedTicket Ticket(int i) =>
        new(IdOf(i), KeyOf(i), Texts[i].Title, Texts[i].Description, i % 2 == 0 ? TicketState.OnBoard : TicketState.Triage, Now.AddDays(-(3 * i + 1)), null);

    public static DuplicateQuery Query(string title, string description, float[]? vector = null, Guid? exclude = null, DateTimeOffset? closedSince = null) =>
        new(title, description, vector, Now, closedSince ?? Now.AddDays(-180), exclude);

    public static int IndexOfTitle(string title)
    {
        for (var i = 0; i < Texts.Count; i++)
        {
            if (Texts[i].Title == title)
            {
                return i;
            }
        }

        throw new ArgumentException($"No ticket of the corpus is titled \"{title}\".", nameof(title));
    }
}
