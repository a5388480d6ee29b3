using System.Text.Json.Serialization;
using FluentValidation;
using Kanban.Api.Features.Auth;
using Kanban.Api.Features.BoardFiles;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Cards;
using Kanban.Api.Features.Environment;
using Kanban.Api.Features.Lanes;
using Kanban.Api.Features.Line;
using Kanban.Api.Features.Members;
using Kanban.Api.Features.Outliers;
using Kanban.Api.Features.ShareLinks;
using Kanban.Api.Features.Status;
using Kanban.Api.Features.Users;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Demo;
using Kanban.Api.Infrastructure.Duplicates;
using Kanban.Api.Infrastructure.Leases;
using Kanban.Api.Infrastructure.Outliers;
using Kanban.Api.Infrastructure.Status;
using Kanban.Api.Realtime;
using Kanban.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddKanbanDatabase();
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(AccessBehavior<,>), typeof(ValidationBehavior<,>)];
});
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped, includeInternalTypes: true);
ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : FieldNames.Humanize(member.Name);
ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;

builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemTypes.ApplyContractTypes);
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
// Enums by name only: an integer would bind any number, defined or not, and store it.
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
builder.Services.AddOpenApi();

// A wall must say within 5 s that its live link is gone, even when the server vanished without closing
// it (a killed process, a pulled cable): the server pings every 2 s, and the web client
// (useBoardHub's SERVER_TIMEOUT_MS, 5 s) drops a connection that heard nothing for 5 s. The client's
// timeout must stay at least twice this interval, so a ping delayed once does not drop a good link.
builder.Services.AddSignalR(options => options.KeepAliveInterval = TimeSpan.FromSeconds(2))
    .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
    .AddKanbanBackplane(builder.Configuration);
builder.Services.AddSingleton<ChangeFeed>();
builder.Services.AddSingleton<BoardTurns>();
builder.Services.AddSingleton<LeaseHolder>();
builder.Services.AddScoped<DatabaseLeases>();
builder.Services.AddScoped<OutlierReader>();
builder.Services.AddScoped<StatusReader>();
builder.Services.AddScoped<StatusComputation>();
builder.Services.Configure<StatusCacheOptions>(builder.Configuration.GetSection("Status:Cache"));
builder.Services.AddSingleton(typeof(StatusCache<>));
builder.Services.AddSingleton<DoneHistoryCache>();
builder.Services.AddSingleton<BoardConnections>();
builder.Services.AddSingleton<AccessNotices>();
builder.Services.AddHostedService(services => services.GetRequiredService<AccessNotices>());
builder.Services.AddHostedService<BoardPublisher>();
builder.Services.AddSingleton<OutlierWatch>();
builder.Services.AddHostedService(services => services.GetRequiredService<OutlierWatch>());
builder.Services.AddScoped<BoardChanges>();
builder.Services.AddScoped<MemberChanges>();
builder.Services.AddScoped<DemoBoardSeeder>();
builder.Services.AddScoped<BoardImporter>();
builder.Services.AddScoped<AccountSeeder>();
builder.Services.AddKanbanAccess();
builder.Services.AddKanbanKeys();
builder.Services.AddDuplicateDetection(builder.Configuration);

builder.Services.AddHealthChecks()
    .AddDbContextCheck<KanbanDbContext>("database", tags: ["ready"])
    .AddCheck<BackplaneHealth>("backplane", tags: ["ready"]);

builder.Services.AddTrustedProxies(builder.Configuration);

var app = builder.Build();

app.UseForwardedHeaders();

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAntiforgeryForCookies();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapHub<BoardHub>(BoardHub.Path);

app.MapAuth();
app.MapEnvironment();
app.MapUsers();
app.MapMembers();
app.MapShareLinks();

app.MapBoards();
app.MapBoardFiles();
app.MapLanes();
app.MapTickets();
app.MapCards();
app.MapLine();
app.MapOutliers();
app.MapStatus();

app.MapFallback("/api/{**path}", ProblemTypes.UnknownApiRoute).AllowAnonymous();
app.MapFallbackToFile("index.html").AllowAnonymous();

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    app.Logger.LogInformation("Kanban is running at {Addresses}. Open it in a browser; Ctrl+C stops it.", string.Join(", ", addresses));
});

await app.RunAsync();

public partial class Program;
