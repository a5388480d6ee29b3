using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Cards;
using Kanban.Api.Features.Lanes;
using Kanban.Api.Features.Tickets;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;

namespace Kanban.Api.Tests.Infrastructure;

/// <summary>Calls the API as a client would, and reads its answers back into the app's own records.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static int s_boardNumber;

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static async Task<Problem> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return JsonSerializer.Deserialize<Problem>(body, Json)!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Json);

    public static async Task<BoardResponse> CreateBoardAsync(this HttpClient client, string? name = null)
    {
        var number = Interlocked.Increment(ref s_boardNumber);
        var response = await client.PostJsonAsync("/api/boards", new { name = name ?? $"Board {number}", key = $"B{number}" });
        return await response.ReadAsync<BoardResponse>(HttpStatusCode.Created);
    }

    public static async Task<BoardResponse> GetBoardAsync(this HttpClient client, Guid boardId) =>
        await (await client.GetAsync($"/api/boards/{boardId}")).ReadAsync<BoardResponse>();

    /// <summary>
    /// A ticket that passes every quality gate. Its description ends in words drawn by its title, so
    /// tickets of different titles read as different tickets to duplicate detection, as real ones would,
    /// and the same title gives the same text; a test of duplicates writes its texts itself.
    /// </summary>
    public static object GoodTicket(string title = "Show the refund status on the order page") => new
    {
        title,
        description = DistinctDescription(title),
        definitionOfDone = new[] { "The order page shows the refund state and its date", "A failed refund shows the reason in plain words" },
        estimateDays = 2,
        @class = "Standard",
    };

    /// <summary>"Customers ask support whether" and sixteen words that another title is unlikely to draw.</summary>
    public static string DistinctDescription(string title)
    {
        var seed = 17;
        foreach (var c in title)
        {
            seed = unchecked((seed * 31) + c);
        }

        return "Customers ask support whether " + string.Join(" ", new Random(seed).GetItems(DescriptionWords, 16)) + ".";
    }

    private static readonly string[] DescriptionWords =
    [
        "airport", "alarm", "amber", "ambulance", "anchor", "approval", "archive", "arena", "asteroid",
        "astronomy", "badge", "bakery", "ballet", "bandage", "banner", "barcode", "basalt", "basket",
        "blackboard", "blender", "boarding", "boiler", "bollard", "bridge", "brochure", "bronze", "budget",
        "butcher", "camera", "campus", "canvas", "canyon", "capsule", "carpet", "carriage", "carrier",
        "catalogue", "cello", "checkout", "chimney", "chorus", "clarinet", "classroom", "clause", "clinic",
        "cobalt", "comet", "compost", "concert", "conductor", "consulate", "container", "contract", "copper",
        "coupon", "courier", "crane", "crossing", "curtain", "customs", "dairy", "delta", "desert", "diploma",
        "discus", "dispatch", "dock", "dolphin", "doorbell", "dosage", "drain", "easel", "elevator",
        "embassy", "estuary", "exhibit", "falcon", "faucet", "fence", "ferry", "fertilizer", "flamingo",
        "forecast", "forklift", "frame", "freezer", "freight", "fridge", "galaxy", "gallery", "garage",
        "garden", "gate", "glacier", "graduation", "granite", "greenhouse", "grocery", "gutter", "gymnasium",
        "hangar", "harbour", "harvest", "hedge", "heron", "highway", "homework", "hospital", "hurdle",
        "hydrant", "ingredient", "intercom", "inventory", "invoice", "irrigation", "jade", "javelin",
        "jellyfish", "journal", "junction", "kettle", "kiosk", "label", "lagoon", "ledger", "library",
        "lighthouse", "lobby", "lobster", "locker", "locomotive", "luggage", "magazine", "mailbox", "manhole",
        "manifest", "manuscript", "marathon", "marble", "melody", "mooring", "motion", "museum", "nebula",
        "newspaper", "nickel", "oasis", "octopus", "opera", "orbit", "orchard", "orchestra", "oven",
        "painting", "palette", "pallet", "pamphlet", "pantry", "parcel", "parking", "passport", "pavement",
        "payroll", "pedestal", "pelican", "penguin", "pesticide", "pharmacy", "pigment", "planet", "platform",
        "plumbing", "poster", "prescription", "printer", "quarter", "quartz", "racetrack", "radiator",
        "railway", "rainforest", "receipt", "recipe", "referee", "rehearsal", "relay", "renewal", "rhythm",
        "rocket", "roof", "roster", "roundabout", "runway", "sapphire", "satellite", "savanna", "scanner",
        "scholarship", "school", "sculpture", "seahorse", "seedling", "semester", "sensor", "sewer", "shift",
        "signal", "signature", "siren", "sleeper", "smoke", "stadium", "sticker", "streetlight", "stretcher",
        "subscription", "supplier", "syringe", "tanker", "tariff", "telescope", "terminal", "thermostat",
        "ticketing", "tile", "timesheet", "timetable", "tractor", "trampoline", "triage", "trumpet",
        "tugboat", "tuition", "tundra", "tungsten", "tunnel", "turnstile", "vaccine", "vendor", "viaduct",
        "vineyard", "violin", "visa", "visitor", "volcano", "voucher", "walrus", "warehouse", "wetland",
        "window", "zinc",
    ];

    /// <summary>Submits a ticket that passes the gates into the board's triage inbox.</summary>
    public static async Task<TicketResponse> SubmitTicketAsync(this HttpClient client, Guid boardId, string title = "Show the refund status on the order page")
    {
        var response = await client.PostJsonAsync($"/api/boards/{boardId}/tickets", GoodTicket(title));
        return await response.ReadAsync<TicketResponse>(HttpStatusCode.Created);
    }

    /// <summary>
    /// Puts a card on the board the only way there is: submitted, then accepted onto the end of the
    /// backlog. <paramref name="client"/> must be a product owner of the board.
    /// </summary>
    public static async Task<TicketResponse> AddCardAsync(this HttpClient client, Guid boardId, string title = "Show the refund status on the order page")
    {
        var ticket = await client.SubmitTicketAsync(boardId, title);
        return await (await client.PostJsonAsync($"/api/tickets/{ticket.Id}/accept", new { })).ReadAsync<TicketResponse>();
    }

    public static Task<HttpResponseMessage> AcceptAsync(this HttpClient client, Guid ticketId, int? index = null) =>
        client.PostJsonAsync($"/api/tickets/{ticketId}/accept", new { index });

    public static async Task<TicketDetail> GetTicketAsync(this HttpClient client, Guid ticketId) =>
        await (await client.GetAsync($"/api/tickets/{ticketId}")).ReadAsync<TicketDetail>();

    public static Task<HttpResponseMessage> CommentAsync(this HttpClient client, Guid ticketId, string? text) =>
        client.PostJsonAsync($"/api/tickets/{ticketId}/comments", new { text });

    public static Task<HttpResponseMessage> UndoAsync(this HttpClient client, Guid ticketId) =>
        client.PostAsync($"/api/tickets/{ticketId}/undo", null);

    public static async Task<List<TicketResponse>> GetTriageAsync(this HttpClient client, Guid boardId) =>
        await (await client.GetAsync($"/api/boards/{boardId}/triage")).ReadAsync<List<TicketResponse>>();

    /// <summary>
    /// Adds <paramref name="email"/> (created if new) to the board as <paramref name="role"/>, through
    /// <paramref name="owner"/>, a product owner of it, and answers a client signed in as them.
    /// </summary>
    public static async Task<HttpClient> ClientOnBoardAsync(this KanbanApiFactory factory, HttpClient owner, Guid boardId, string email, string role)
    {
        await factory.UserIdOfAsync(email);
        await (await owner.PostJsonAsync($"/api/boards/{boardId}/members", new { email, role })).ReadAsync<object>();
        return await factory.CreateClientForAsync(email);
    }

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, Guid cardId, Guid laneId, int? index = null) =>
        client.PostJsonAsync($"/api/cards/{cardId}/move", new { laneId, index });

    public static async Task<CardResponse> MoveOkAsync(this HttpClient client, Guid cardId, Guid laneId, int? index = null) =>
        await (await client.MoveAsync(cardId, laneId, index)).ReadAsync<CardResponse>();

    public static Guid LaneId(this BoardResponse board, string name) => board.Lanes.Single(l => l.Name == name).Id;

    public static LaneResponse Lane(this BoardResponse board, string name) => board.Lanes.Single(l => l.Name == name);

    /// <summary>Changes only the WIP limit of lane <paramref name="name"/>.</summary>
    public static async Task SetLimitAsync(this HttpClient client, BoardResponse board, string name, int? limit)
    {
        var lane = (await client.GetBoardAsync(board.Id)).Lane(name);
        var response = await client.PutJsonAsync($"/api/boards/{board.Id}/lanes/{lane.Id}",
            new { name = lane.Name, kind = lane.Kind.ToString(), wipLimit = limit, untested = lane.Untested, order = lane.Order });
        await response.ReadAsync<LaneResponse>();
    }

    /// <summary>Submits <paramref name="count"/> tickets and moves them into lane <paramref name="name"/>.</summary>
    public static async Task<List<Guid>> FillAsync(this HttpClient client, BoardResponse board, string name, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var ticket = await client.AddCardAsync(board.Id, $"Filler card {i} for {name}");
            if (name != "Backlog")
            {
                await client.MoveOkAsync(ticket.Id, board.LaneId(name));
            }

            ids.Add(ticket.Id);
        }

        return ids;
    }

    public static Task<HttpResponseMessage> AssignAsync(this HttpClient client, Guid cardId, Guid? userId) =>
        client.PostJsonAsync($"/api/cards/{cardId}/assign", new { userId });

    public static Task<HttpResponseMessage> StopLineAsync(this HttpClient client, Guid boardId, string reason) =>
        client.PostJsonAsync($"/api/boards/{boardId}/line/stop", new { reason });

    public static Task<HttpResponseMessage> ResumeLineAsync(this HttpClient client, Guid boardId, string note) =>
        client.PostJsonAsync($"/api/boards/{boardId}/line/resume", new { note });
}

/// <summary>
/// <c>GET /api/tickets/{id}</c> as a client reads it: the ticket, its comments and its history.
/// (The app's <see cref="TicketDetailResponse"/> is built for writing, not for reading back.)
/// </summary>
public sealed record TicketDetail(
    Guid Id,
    string Key,
    Guid BoardId,
    string Title,
    string Description,
    IReadOnlyList<string> DefinitionOfDone,
    decimal EstimateDays,
    CardClass Class,
    TicketState State,
    Guid? LaneId,
    long Rank,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? SubmittedBy,
    string? SubmittedByName,
    Guid? LikelyDuplicateOf,
    Guid? DuplicateOf,
    IReadOnlyList<GateResult> Gates,
    IReadOnlyList<DuplicateCandidate> Duplicates,
    IReadOnlyList<TicketCommentResponse> Comments,
    IReadOnlyList<TicketHistoryItem> History,
    Guid? AssigneeId = null,
    string? AssigneeName = null,
    bool Blocked = false,
    string? BlockedReason = null,
    DateTimeOffset? BlockedSince = null,
    Kanban.Domain.Boards.BoardRole? Role = null);

public sealed record Problem(string Type, string Title, int Status, string Detail, Dictionary<string, string[]>? Errors)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Extensions { get; init; } = [];
}
