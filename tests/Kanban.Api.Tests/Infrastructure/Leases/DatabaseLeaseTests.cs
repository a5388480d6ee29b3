using Kanban.Api.Infrastructure.Leases;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Api.Tests.Infrastructure.Leases;

/// <summary>
/// Leases on the app's real SQLite file, as several instances would take them: each holder below is
/// another instance's name, with its own context.
/// </summary>
public sealed class DatabaseLeaseTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task One_instance_holds_a_lease_and_renews_it_while_the_others_are_refused()
    {
        var name = NewName();
        await using var a = Instance();
        await using var b = Instance();

        (await a.Leases.TryHoldAsync(name, Period, default)).ShouldBeTrue();
        (await b.Leases.TryHoldAsync(name, Period, default)).ShouldBeFalse();
        factory.Clock.Advance(TimeSpan.FromMinutes(1.5));
        (await a.Leases.TryHoldAsync(name, Period, default)).ShouldBeTrue("the holder renews it");
        factory.Clock.Advance(TimeSpan.FromMinutes(1.5));
        (await b.Leases.TryHoldAsync(name, Period, default)).ShouldBeFalse("renewed, it has not expired");
    }

    [Fact]
    public async Task A_lease_its_holder_stopped_renewing_is_taken_by_another_once_it_expires()
    {
        var name = NewName();
        await using var a = Instance();
        await using var b = Instance();
        (await a.Leases.TryHoldAsync(name, Period, default)).ShouldBeTrue();

        factory.Clock.Advance(Period);

        (await b.Leases.TryHoldAsync(name, Period, default)).ShouldBeTrue();
        (await a.Leases.TryHoldAsync(name, Period, default)).ShouldBeFalse("it is the other's now");
    }

    [Fact]
    public async Task A_released_lease_is_taken_at_once_and_a_release_by_another_changes_nothing()
    {
        var name = NewName();
        await using var a = Instance();
        await using var b = Instance();
        (await a.Leases.TryHoldAsync(name, Period, default)).ShouldBeTrue();

        await b.Leases.ReleaseAsync(name, default);
        (await b.Leases.TryHoldAsync(name, Period, default)).ShouldBeFalse();
        await a.Leases.ReleaseAsync(name, default);

        (await b.Leases.TryHoldAsync(name, Period, default)).ShouldBeTrue();
    }

    [Fact]
    public async Task Of_eight_instances_trying_at_once_exactly_one_holds_a_new_lease_and_one_an_expired_one()
    {
        var name = NewName();
        var instances = Enumerable.Range(0, 8).Select(_ => Instance()).ToList();
        try
        {
            (await TryAllAtOnceAsync(instances, name)).ShouldBe(1, "a lease nobody held yet");
            factory.Clock.Advance(Period);
            (await TryAllAtOnceAsync(instances, name)).ShouldBe(1, "an expired lease");
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static async Task<int> TryAllAtOnceAsync(IReadOnlyList<LeaseInstance> instances, string name)
    {
        using var start = new SemaphoreSlim(0);
        var tries = instances.Select(async i =>
        {
            await start.WaitAsync();
            return await i.Leases.TryHoldAsync(name, Period, default);
        }).ToList();
        start.Release(instances.Count);
        return (await Task.WhenAll(tries)).Count(held => held);
    }

    private static string NewName() => $"test-{Guid.NewGuid():N}";

    private LeaseInstance Instance()
    {
        var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KanbanDbContext>();
        return new LeaseInstance(scope, new DatabaseLeases(db, new LeaseHolder(), factory.Clock));
    }

    private sealed class LeaseInstance(AsyncServiceScope scope, DatabaseLeases leases) : IAsyncDisposable
    {
        public DatabaseLeases Leases { get; } = leases;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
