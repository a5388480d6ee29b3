using Kanban.Api.Features.Environment;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Kanban.Api.Tests.Features.Environment;

public sealed class EnvironmentTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    [Fact]
    public async Task Without_a_configured_banner_the_environment_has_none_and_needs_no_sign_in()
    {
        using var anonymous = factory.CreateAnonymousClient();

        var environment = await (await anonymous.GetAsync("/api/environment")).ReadAsync<EnvironmentResponse>();

        environment.Banner.ShouldBeNull();
        environment.BannerColor.ShouldBeNull();
    }

    [Theory]
    [InlineData("#c00", "#c00")]
    [InlineData("#12ab9F", "#12ab9F")]
    [InlineData("darkorange", "darkorange")]
    [InlineData(" teal ", "teal")]
    [InlineData("red; background: url(https://evil.example/x)", null)]
    [InlineData("#12345", null)]
    [InlineData("rgb(1,2,3)", null)]
    [InlineData("red}body{display:none", null)]
    [InlineData("", null)]
    public void Only_a_hex_colour_or_a_plain_colour_name_passes(string given, string? expected) =>
        GetEnvironment.SafeColor(given).ShouldBe(expected);
}

public sealed class ConfiguredEnvironmentTests(ConfiguredEnvironmentTests.Factory factory) : IClassFixture<ConfiguredEnvironmentTests.Factory>
{
    public sealed class Factory : KanbanApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kanban:EnvironmentBanner", "Staging <b>copy</b>: may go down at any time");
            builder.UseSetting("Kanban:EnvironmentBannerColor", "#7a3e00");
        }
    }

    [Fact]
    public async Task The_configured_banner_and_colour_are_served_to_anyone_as_given()
    {
        using var anonymous = factory.CreateAnonymousClient();

        var environment = await (await anonymous.GetAsync("/api/environment")).ReadAsync<EnvironmentResponse>();

        environment.Banner.ShouldBe("Staging <b>copy</b>: may go down at any time");
        environment.BannerColor.ShouldBe("#7a3e00");
    }
}

public sealed class UnsafeColourEnvironmentTests(UnsafeColourEnvironmentTests.Factory factory) : IClassFixture<UnsafeColourEnvironmentTests.Factory>
{
    public sealed class Factory : KanbanApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kanban:EnvironmentBanner", "Test copy");
            builder.UseSetting("Kanban:EnvironmentBannerColor", "red;position:fixed;inset:0");
        }
    }

    [Fact]
    public async Task A_colour_that_is_not_one_is_left_out_and_the_banner_still_shows()
    {
        using var anonymous = factory.CreateAnonymousClient();

        var environment = await (await anonymous.GetAsync("/api/environment")).ReadAsync<EnvironmentResponse>();

        environment.Banner.ShouldBe("Test copy");
        environment.BannerColor.ShouldBeNull();
    }
}
