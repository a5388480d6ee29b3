using Kanban.Domain.Boards;

namespace Kanban.Domain.Tests;

public sealed class ArchitectureTests
{
    private static readonly string[] ForbiddenPrefixes =
    [
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "Microsoft.Extensions",
    ];

    private static readonly IReadOnlyList<string> DomainReferences =
        [.. typeof(Board).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "")];

    [Fact]
    public void The_domain_references_no_EF_Core_ASP_NET_Core_or_Microsoft_Extensions_assembly()
    {
        var forbidden = DomainReferences
            .Where(name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();

        forbidden.ShouldBeEmpty();
    }

    [Fact]
    public void The_domain_references_System_Runtime_so_the_reference_check_sees_real_references()
    {
        DomainReferences.ShouldContain("System.Runtime");
    }
}
