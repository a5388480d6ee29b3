using System.Net;
using System.Text.Json.Nodes;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.Duplicates;

/// <summary>
/// Tickets a booking site's team would file, each about something else, and the calls the
/// duplicate tests make. Every ticket passes the quality gates, so only duplicate detection
/// decides what happens to it.
/// </summary>
public static class DuplicateTickets
{
    public const string Check = "/api/tickets/check";

    public static readonly (string Title, string Description) Refund = (
        "Refund status missing from the booking page",
        "Guests who cancel a booking call support to ask whether the refund went through. The booking page should show the refund's state, its amount and the date it was sent to the card.");

    /// <summary><see cref="Refund"/> as another guest would write it, with typos.</summary>
    public static readonly (string Title, string Description) RefundReworded = (
        "Cant see if my refund was sent on the booking page",
        "I cancelled my booking last week and the booking page says nothing about the refund. Please show the refund state and amount and the date its sent to my card so I dont have to call suport.");

    public static readonly IReadOnlyList<(string Title, string Description)> Distinct =
    [
        ("Hotel photos load slowly on the search results",
            "On a 4G connection the search results take ten seconds to show their first hotel photos, because every photo is the full size original. Serve thumbnails sized for the result cards."),
        ("Calendar picker allows a check-out before check-in",
            "The date picker on the search form lets a guest choose a check-out date earlier than the check-in date, and the search then answers with an empty list instead of saying what is wrong."),
        ("Currency switcher forgets the choice after signing in",
            "A guest who switches prices to Swiss francs sees euros again as soon as they sign in. The chosen currency should be kept for the session and saved to the profile of a signed-in guest."),
        ("Export the payout statement for hosts as a spreadsheet",
            "Hosts copy their monthly payout statement into their accounting software by hand. Let them download the statement as an XLSX file with one row per booking, fee and payout."),
        ("Two-factor sign-in for host accounts",
            "Host accounts can change bank details for payouts but sign in with a password alone. Offer sign-in with an authenticator app code, and require it before bank details change."),
        ("Map pins overlap in dense city centres",
            "In the centre of Paris the map shows forty pins on top of each other and none can be tapped. Group nearby hotels into a numbered cluster that zooms in when it is tapped."),
        ("Cancellation email shows the wrong hotel name",
            "Guests who cancel one of two bookings get a cancellation email naming the other hotel. The email template reads the first booking of the guest instead of the cancelled one."),
        ("Wishlist cannot be shared with a travel companion",
            "Guests planning a trip together ask to share a wishlist. Add a share link that lets a companion see and add hotels to the same list without a second account."),
        ("Review form loses the text when the photo upload fails",
            "A guest wrote a long review, attached a large photo, and the upload failed with a timeout; the form came back empty. Keep the typed review and say which photo was too large."),
        ("Screen reader skips the room price on the hotel page",
            "VoiceOver reads the room name and its amenities but never the price, which is drawn as an image of text. The price must be real text with a label that says per night and the currency."),
        ("Night batch that sends reminder emails runs twice",
            "Guests got two identical reminder emails the day before arrival. The ReminderJob is scheduled on both servers since the move to two instances; it should run on one only."),
        ("Filter hotels by free cancellation",
            "Many guests only book rooms they can cancel for free. Add a filter to the search results that keeps hotels offering free cancellation until a day before arrival."),
        ("Invoice PDF misses the VAT number of business guests",
            "Business travellers enter their company's VAT number at checkout, but the invoice PDF does not print it, so their accounts department refuses the invoice and asks for a new one."),
        ("Search autocomplete suggests closed hotels",
            "Typing a city in the search box suggests hotels that left the platform months ago, and choosing one leads to an error page. Suggestions should come from active listings only."),
        ("Loyalty nights are not counted for bookings made in the app",
            "Members who book through the mobile app do not see those nights in their loyalty balance; bookings from the website are counted. The app's bookings skip the loyalty service call."),
        ("Host dashboard times out for hosts with many listings",
            "A host with 300 apartments waits thirty seconds for the dashboard and often gets a gateway timeout. The dashboard loads every booking of every listing before showing the first page."),
        ("Let guests add an early check-in request",
            "Guests arriving on morning flights phone the hotel to ask for early check-in. Add an optional field to the booking form that sends the request and the arrival time to the hotel."),
        ("Password rules reject long passphrases",
            "The sign-up form refuses passwords over 20 characters, so people who use passphrases from their password manager cannot register. Accept at least 64 characters and drop the upper limit message."),
        ("Cookie consent banner reappears on every page",
            "Visitors accept cookies and the banner comes back on the next page, because the consent cookie is set for the www host only while the search pages live on another subdomain."),
        ("Price per night rounds differently on search and checkout",
            "A room shows 89 euros per night on the results and 89.50 at checkout. The search rounds the converted price down while checkout keeps the cents; both should show the same amount."),
    ];

    /// <summary>A ticket body that passes every gate, with the given text.</summary>
    public static object Body((string Title, string Description) text) => new
    {
        title = text.Title,
        description = text.Description,
        definitionOfDone = new[] { "A tester following the description sees the change described" },
        estimateDays = 2,
        @class = "Standard",
    };

    public static async Task<TicketResponse> SubmitAsync(this HttpClient client, Guid boardId, (string Title, string Description) text)
    {
        var response = await client.PostJsonAsync($"/api/boards/{boardId}/tickets", Body(text));
        return await response.ReadAsync<TicketResponse>(HttpStatusCode.Created);
    }

    /// <summary>Submits the ticket and accepts it onto the backlog.</summary>
    public static async Task<TicketResponse> AddCardAsync(this HttpClient client, Guid boardId, (string Title, string Description) text)
    {
        var ticket = await client.SubmitAsync(boardId, text);
        return await (await client.AcceptAsync(ticket.Id)).ReadAsync<TicketResponse>();
    }

    public static async Task<TicketCheckResponse> CheckAsync(this HttpClient client, Guid boardId, (string Title, string Description) text)
    {
        var response = await client.PostJsonAsync(Check, new { boardId, title = text.Title, description = text.Description });
        return await response.ReadAsync<TicketCheckResponse>();
    }

    public static async Task<TicketResponse> EditAsync(this HttpClient client, Guid ticketId, (string Title, string Description) text)
    {
        var response = await client.PutJsonAsync($"/api/tickets/{ticketId}", Body(text));
        return await response.ReadAsync<TicketResponse>();
    }

    public static async Task<BoardSettingsResponse> SetDuplicateWindowAsync(this HttpClient client, Guid boardId, int days)
    {
        var settings = await (await client.GetAsync($"/api/boards/{boardId}/settings")).ReadAsync<BoardSettingsResponse>();
        return await (await client.PutJsonAsync($"/api/boards/{boardId}/settings", settings with { DuplicateWindowDays = days })).ReadAsync<BoardSettingsResponse>();
    }

    public static string Describe(IEnumerable<DuplicateCandidate> candidates) =>
        string.Join(" | ", candidates.Select(c => $"{c.Key} \"{c.Title}\" {c.Score} {c.Match}"));

    /// <summary>A board file of tickets with these texts, every other one on the backlog and the rest in triage; <see cref="KanbanApiFactory.Owner"/> owns it.</summary>
    public static JsonObject BoardFile(string key, IReadOnlyList<(string Title, string Description)> texts)
    {
        var file = BoardFileSamples.Minimal(key, KanbanApiFactory.Owner);
        var tickets = file["tickets"]!.AsArray();
        for (var i = 0; i < texts.Count; i++)
        {
            var createdAt = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero).AddDays(i).ToString("O");
            var ticket = new JsonObject
            {
                ["key"] = $"{key}-{i + 1}",
                ["title"] = texts[i].Title,
                ["description"] = texts[i].Description,
                ["definitionOfDone"] = new JsonArray("A tester following the description sees the change described"),
                ["estimateDays"] = 2,
                ["createdAt"] = createdAt,
            };
            if (i % 2 == 0)
            {
                ticket["state"] = "OnBoard";
                ticket["lane"] = "Backlog";
                ticket["history"] = new JsonArray(new JsonObject { ["at"] = createdAt, ["from"] = null, ["to"] = "Backlog", ["by"] = null });
            }
            else
            {
                ticket["state"] = "Triage";
            }

            tickets.Add(ticket);
        }

        return file;
    }
}
