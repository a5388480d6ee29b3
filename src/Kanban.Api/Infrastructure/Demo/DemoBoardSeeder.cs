using Kanban.Api.Features.BoardFiles;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Demo;

/// <summary>
/// On an empty database, the demo board: a board file that ships with the app (demo-board.json, five
/// weeks of history with cards in every lane), read by the same importer as <c>POST /api/boards/import</c>.
/// Its times are moved so that its history ends an hour before the seeding, whenever that is.
/// </summary>
/// <remarks>
/// A board file carries no passwords, so the demo's people are created first, with theirs, and the
/// import finds them by e-mail.
/// </remarks>
public sealed partial class DemoBoardSeeder(KanbanDbContext db, BoardImporter importer, AccountSeeder accounts, TimeProvider clock, ILogger<DemoBoardSeeder> logger)
{
    public const string BoardKey = "DEMO";

    /// <summary>The demo's people, one for each role; the run command prints how to sign in as each.</summary>
    public const string Password = "kanban-demo";

    public const string FileResource = "demo-board.json";

    public static readonly IReadOnlyList<(string Email, string Name, BoardRole? Role)> People =
    [
        ("admin@example.com", "Ada Admin", null),
        ("ana@example.com", "Ana Owner", BoardRole.ProductOwner),
        ("ben@example.com", "Ben Member", BoardRole.Member),
        ("cleo@example.com", "Cleo Viewer", BoardRole.Viewer),
    ];

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Boards.AnyAsync(ct))
        {
            return;
        }

        foreach (var (email, name, role) in People)
        {
            await accounts.CreateAsync(email, name, Password, isAdmin: role is null);
        }

        await using var stream = typeof(DemoBoardSeeder).Assembly.GetManifestResourceStream(FileResource)
            ?? throw new InvalidOperationException($"The demo board file {FileResource} is not in the build.");
        var file = await BoardImporter.ReadAsync(stream, ct);
        var shift = clock.GetUtcNow().AddHours(-1) - LatestTimeIn(file);
        var board = await importer.ImportAsync(file, ct, shift);

        LogSeeded(logger, board.Name, board.Key, file.Tickets?.Count ?? 0);
    }

    private static DateTimeOffset LatestTimeIn(BoardFile file) =>
        new[] { file.Board?.CreatedAt }
            .Concat((file.Tickets ?? []).SelectMany(t => new[] { t?.CreatedAt, t?.UpdatedAt, t?.Blocked?.Since }
                .Concat((t?.History ?? []).Select(h => h?.At))))
            .Concat((file.Line ?? []).SelectMany(s => new[] { s?.StoppedAt, s?.ResumedAt }))
            .Max() ?? DateTimeOffset.MinValue;

    /// <summary>Says how to sign in to the demo, at every start while its people exist.</summary>
    public async Task AnnounceAsync(CancellationToken ct)
    {
        var emails = People.Select(p => p.Email.ToUpperInvariant()).ToList();
        if (await db.Users.CountAsync(u => emails.Contains(u.NormalizedEmail!), ct) == People.Count)
        {
            LogSignIn(logger, string.Join(", ", People.Select(p => $"{p.Email} ({(p.Role is { } role ? BoardAccess.Describe(role) : "administrator")})")), Password);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo sign-in: {People}; the password of each is {Password}")]
    private static partial void LogSignIn(ILogger logger, string people, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo board {Name} ({Key}) with {Count} tickets; Kanban:SeedDemo=false turns this off.")]
    private static partial void LogSeeded(ILogger logger, string name, string key, int count);
}
