using System.Net;
using System.Net.Http.Json;
using Kanban.Api.Tests.Infrastructure;
using TestApi = Kanban.Api.Tests.Infrastructure.Api;
using Kanban.Domain.Boards;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Api.Tests.Features.Access;

/// <summary>
/// Every mapped API endpoint, called by nobody, by an outsider (signed in, not on the board), by each
/// role of the board and by an Admin, gets the documented answer. The endpoints come from the app's
/// own endpoint data source, so a new endpoint fails this test until its access is written down here.
/// </summary>
public sealed class AccessMatrixTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private const string Viewer = "matrix-viewer@test.example";
    private const string Member = "matrix-member@test.example";
    private const string Outsider = "matrix-outsider@test.example";

    private enum Who { Anonymous, Outsider, Viewer, Member, ProductOwner, Admin }

    private enum Needs { Nobody, SignedIn, Admin, Viewer, Member, ProductOwner }

    /// <summary>The documented access of each endpoint, and a valid request body for it.</summary>
    private static readonly Dictionary<string, (Needs Needs, Func<Scene, object?> Body)> Documented = new()
    {
        ["POST /api/auth/login"] = (Needs.Nobody, s => new { email = s.Email, password = KanbanApiFactory.Password }),
        ["POST /api/auth/token"] = (Needs.Nobody, s => new { email = s.Email, password = KanbanApiFactory.Password }),
        ["POST /api/auth/logout"] = (Needs.SignedIn, _ => null),
        ["GET /api/me"] = (Needs.SignedIn, _ => null),
        ["GET /api/auth/session"] = (Needs.Nobody, _ => null),
        ["GET /api/environment"] = (Needs.Nobody, _ => null),
        ["GET /api/users"] = (Needs.Admin, _ => null),
        ["POST /api/users"] = (Needs.Admin, s => new { email = $"{Guid.NewGuid():N}@test.example", displayName = "Someone", password = KanbanApiFactory.Password }),
        ["GET /api/boards"] = (Needs.SignedIn, _ => null),
        ["POST /api/boards"] = (Needs.SignedIn, _ => new { name = "Matrix", key = $"M{Random.Shared.Next(100_000_000, 999_999_999)}" }),
        ["GET /api/boards/{boardId:guid}"] = (Needs.Viewer, _ => null),
        ["GET /api/boards/{boardId:guid}/people"] = (Needs.Member, _ => null),
        ["GET /api/boards/{boardId:guid}/settings"] = (Needs.Viewer, _ => null),
        ["PUT /api/boards/{boardId:guid}/settings"] = (Needs.ProductOwner, _ => new
        {
            personalWipLimit = 3, stopLineThreshold = (int?)null, staleDays = 3, maxEstimateDays = 5, duplicateThreshold = 0.8, fillerWords = new[] { "works" },
        }),
        ["GET /api/boards/{boardId:guid}/activity"] = (Needs.Viewer, _ => null),
        ["GET /api/boards/{boardId:guid}/export"] = (Needs.ProductOwner, _ => null),
        ["POST /api/boards/import"] = (Needs.Admin, s => BoardFiles.BoardFileSamples.Minimal($"I{Random.Shared.Next(100_000_000, 999_999_999)}", s.Email)),
        ["POST /api/boards/{boardId:guid}/lanes"] = (Needs.ProductOwner, _ => new { name = "Review", kind = "Queue", wipLimit = 2 }),
        ["PUT /api/boards/{boardId:guid}/lanes/{laneId:guid}"] = (Needs.ProductOwner, _ => new { name = "Ready", kind = "Queue", wipLimit = 4, untested = false, order = 1 }),
        ["DELETE /api/boards/{boardId:guid}/lanes/{laneId:guid}"] = (Needs.ProductOwner, _ => null),
        ["GET /api/boards/{boardId:guid}/lanes/{laneId:guid}/cards"] = (Needs.Viewer, _ => null),
        ["POST /api/boards/{boardId:guid}/tickets"] = (Needs.Member, _ => new
        {
            title = "Matrix ticket title", description = "Text", definitionOfDone = new[] { "One criterion of four words" }, estimateDays = 1,
        }),
        ["POST /api/tickets/check"] = (Needs.Member, s => new
        {
            boardId = s.BoardId, title = "Matrix ticket title", description = "Text", definitionOfDone = new[] { "One criterion of four words" }, estimateDays = 1,
        }),
        ["GET /api/boards/{boardId:guid}/triage"] = (Needs.Member, _ => null),
        ["GET /api/boards/{boardId:guid}/triage/count"] = (Needs.Member, _ => null),
        ["GET /api/boards/{boardId:guid}/outliers"] = (Needs.Viewer, _ => null),
        ["GET /api/boards/{boardId:guid}/status"] = (Needs.Viewer, _ => null),
        ["GET /api/boards/{boardId:guid}/forecast"] = (Needs.Viewer, _ => null),
        ["GET /api/boards/{boardId:guid}/metrics/cfd"] = (Needs.Viewer, _ => null),
        ["GET /api/boards/{boardId:guid}/metrics/cycle-times"] = (Needs.Viewer, _ => null),
        ["GET /api/boards/{boardId:guid}/metrics/throughput"] = (Needs.Viewer, _ => null),
        ["GET /api/boards/{boardId:guid}/status/notes"] = (Needs.Viewer, _ => null),
        ["POST /api/boards/{boardId:guid}/status/notes"] = (Needs.ProductOwner, _ => new { text = "Release moved a week: the bank's sandbox is down" }),
        ["GET /api/tickets/{ticketId:guid}"] = (Needs.Member, _ => null),
        ["PUT /api/tickets/{ticketId:guid}"] = (Needs.Member, _ => TestApi.GoodTicket("The card on the board, edited")),
        ["POST /api/tickets/{ticketId:guid}/accept"] = (Needs.ProductOwner, _ => new { }),
        ["POST /api/tickets/{ticketId:guid}/send-back"] = (Needs.ProductOwner, _ => new { comment = "Say which page this is about" }),
        ["POST /api/tickets/{ticketId:guid}/reject"] = (Needs.ProductOwner, _ => new { reason = "Out of scope for this board" }),
        ["POST /api/tickets/{ticketId:guid}/merge"] = (Needs.ProductOwner, s => new { originalId = s.CardId }),
        ["POST /api/tickets/{ticketId:guid}/mark-distinct"] = (Needs.ProductOwner, _ => null),
        ["POST /api/tickets/{ticketId:guid}/comments"] = (Needs.Member, _ => new { text = "A word on the ticket" }),
        ["POST /api/tickets/{ticketId:guid}/undo"] = (Needs.ProductOwner, _ => null),
        ["POST /api/cards/{cardId:guid}/move"] = (Needs.Member, s => new { laneId = s.ReadyLaneId }),
        ["POST /api/cards/{cardId:guid}/assign"] = (Needs.Member, s => new { userId = s.MemberId }),
        ["POST /api/cards/{cardId:guid}/block"] = (Needs.Member, _ => new { reason = "Waiting on the bank" }),
        ["POST /api/cards/{cardId:guid}/unblock"] = (Needs.Member, _ => null),
        ["POST /api/boards/{boardId:guid}/line/stop"] = (Needs.Member, _ => new { reason = "Something is on fire" }),
        ["POST /api/boards/{boardId:guid}/line/resume"] = (Needs.Member, _ => new { note = "Fire is out" }),
        ["GET /api/boards/{boardId:guid}/members"] = (Needs.ProductOwner, _ => null),
        ["POST /api/boards/{boardId:guid}/members"] = (Needs.ProductOwner, _ => new { email = Outsider, role = "Viewer" }),
        ["PUT /api/boards/{boardId:guid}/members/{userId:guid}"] = (Needs.ProductOwner, _ => new { role = "Member" }),
        ["DELETE /api/boards/{boardId:guid}/members/{userId:guid}"] = (Needs.ProductOwner, _ => null),
        ["POST /api/boards/{boardId:guid}/share-links"] = (Needs.ProductOwner, _ => new { view = "wall" }),
        ["GET /api/boards/{boardId:guid}/share-links"] = (Needs.ProductOwner, _ => null),
        ["DELETE /api/share-links/{shareLinkId:guid}"] = (Needs.ProductOwner, _ => null),
    };

    [Fact]
    public void Every_api_endpoint_has_documented_access()
    {
        var mapped = ApiEndpoints().Select(e => e.Key).ToList();

        mapped.ShouldBe(Documented.Keys, ignoreOrder: true);
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_documented()
    {
        var failures = new List<string>();
        foreach (var (key, (method, pattern)) in ApiEndpoints())
        {
            var (needs, body) = Documented[key];
            foreach (var who in Enum.GetValues<Who>())
            {
                var scene = await Scene.SetUpAsync(factory, who == Who.Admin ? KanbanApiFactory.AdminEmail : EmailOf(who));
                using var client = await ClientAsync(who);
                var request = new HttpRequestMessage(new HttpMethod(method), scene.Fill(method, pattern));
                if (body(scene) is { } content)
                {
                    request.Content = JsonContent.Create(content, options: TestApi.Json);
                }

                var response = await client.SendAsync(request);
                var expected = Expected(needs, who);
                var ok = expected == HttpStatusCode.OK
                    ? (int)response.StatusCode is >= 200 and < 300 || response.StatusCode == HttpStatusCode.Conflict
                    : response.StatusCode == expected;
                if (!ok)
                {
                    failures.Add($"{key} as {who}: expected {(expected == HttpStatusCode.OK ? "2xx or a 409 rule refusal" : expected)}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    private static HttpStatusCode Expected(Needs needs, Who who) => (needs, who) switch
    {
        (Needs.Nobody, _) => HttpStatusCode.OK,
        (_, Who.Anonymous) => HttpStatusCode.Unauthorized,
        (Needs.SignedIn, _) => HttpStatusCode.OK,
        (_, Who.Admin) => HttpStatusCode.OK,
        (Needs.Admin, _) => HttpStatusCode.Forbidden,
        (_, Who.Outsider) => HttpStatusCode.NotFound,
        (Needs.Viewer, _) => HttpStatusCode.OK,
        (Needs.Member, Who.Viewer) => HttpStatusCode.Forbidden,
        (Needs.Member, _) => HttpStatusCode.OK,
        (Needs.ProductOwner, Who.ProductOwner) => HttpStatusCode.OK,
        (Needs.ProductOwner, _) => HttpStatusCode.Forbidden,
        _ => throw new InvalidOperationException($"{needs} for {who} is not written down."),
    };

    private static string EmailOf(Who who) => who switch
    {
        Who.Viewer => Viewer,
        Who.Member => Member,
        Who.Outsider => Outsider,
        _ => KanbanApiFactory.Owner,
    };

    private async Task<HttpClient> ClientAsync(Who who) => who switch
    {
        Who.Anonymous => factory.CreateAnonymousClient(),
        Who.Admin => await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail),
        _ => await factory.CreateClientForAsync(EmailOf(who)),
    };

    private IEnumerable<KeyValuePair<string, (string Method, string Pattern)>> ApiEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal) && e.RoutePattern.RawText != "/api/{**path}")
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => new KeyValuePair<string, (string, string)>($"{m} {e.RoutePattern.RawText!.TrimEnd('/')}", (m, e.RoutePattern.RawText!))));

    /// <summary>
    /// A fresh board owned by <see cref="KanbanApiFactory.Owner"/>, with a viewer, a member, a card on
    /// the board, a ticket of the owner's waiting in triage, and a share link.
    /// </summary>
    private sealed record Scene(Guid BoardId, Guid ReadyLaneId, Guid CardId, Guid TriageTicketId, Guid MemberId, Guid ShareLinkId, string Email)
    {
        public static async Task<Scene> SetUpAsync(KanbanApiFactory factory, string callerEmail)
        {
            using var owner = factory.CreateClient();
            var board = await owner.CreateBoardAsync();
            var memberId = await factory.UserIdOfAsync(Member);
            await factory.UserIdOfAsync(Viewer);
            await factory.UserIdOfAsync(Outsider);
            await (await owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = Viewer, role = "Viewer" })).ReadAsync<object>();
            await (await owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = Member, role = "Member" })).ReadAsync<object>();
            var ticket = await owner.AddCardAsync(board.Id);
            var waiting = await owner.SubmitTicketAsync(board.Id, "A ticket waiting in triage");
            var link = await (await owner.PostJsonAsync($"/api/boards/{board.Id}/share-links", new { view = "wall" }))
                .ReadAsync<Kanban.Api.Features.ShareLinks.CreatedShareLinkResponse>(HttpStatusCode.Created);
            return new Scene(board.Id, board.LaneId("Ready"), ticket.Id, waiting.Id, memberId, link.Id, callerEmail);
        }

        /// <summary>
        /// The URL for a route. Triage decisions and reads act on the ticket in triage; an edit acts on
        /// the card on the board, which any member may edit (in triage only its submitter and a
        /// product owner may, which the triage tests cover).
        /// </summary>
        public string Fill(string method, string pattern) => pattern
            .Replace("{ticketId:guid}", (method == "PUT" ? CardId : TriageTicketId).ToString(), StringComparison.Ordinal)
            .Replace("{boardId:guid}", BoardId.ToString(), StringComparison.Ordinal)
            .Replace("{laneId:guid}", ReadyLaneId.ToString(), StringComparison.Ordinal)
            .Replace("{cardId:guid}", CardId.ToString(), StringComparison.Ordinal)
            .Replace("{userId:guid}", MemberId.ToString(), StringComparison.Ordinal)
            .Replace("{shareLinkId:guid}", ShareLinkId.ToString(), StringComparison.Ordinal);
    }
}
