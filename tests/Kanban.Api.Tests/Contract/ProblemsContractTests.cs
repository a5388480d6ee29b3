using System.Text;
using Kanban.Domain.Problems;

namespace Kanban.Api.Tests.Contract;

public sealed class ProblemsContractTests
{
    public const string WebFile = "web/src/api/contract/problems.ts";

    [Fact]
    public void The_webs_list_of_problem_types_is_the_servers_catalogue() =>
        ContractFile.AssertMatches(WebFile, Render());

    [Fact]
    public void Each_problem_type_has_its_own_name_and_an_error_status()
    {
        ProblemType.All.Select(p => p.Name).ShouldBeUnique();
        ProblemType.All.ShouldAllBe(p => p.Status >= 400 && p.Status < 600);
        typeof(ProblemType).GetFields().Where(f => f.FieldType == typeof(ProblemType)).Select(f => (ProblemType)f.GetValue(null)!)
            .ShouldBe(ProblemType.All, ignoreOrder: true, "every problem type is listed in ProblemType.All");
    }

    private static string Render()
    {
        var text = new StringBuilder(ContractFile.TypeScriptHeader("src/Kanban.Domain/Problems/ProblemType.cs", "tests/Kanban.Api.Tests/Contract/ProblemsContractTests.cs"));
        text.Append("\n/** Each problem type the server answers with: its name (the end of its `type` URN) and its HTTP status. */\n");
        text.Append("export const PROBLEM_STATUS = {\n");
        foreach (var problem in ProblemType.All)
        {
            text.Append($"  '{problem.Name}': {problem.Status},\n");
        }

        text.Append("} as const;\n\n");
        text.Append("export type ProblemName = keyof typeof PROBLEM_STATUS;\n\n");
        text.Append("export function isProblemName(name: string): name is ProblemName {\n");
        text.Append("  return Object.prototype.hasOwnProperty.call(PROBLEM_STATUS, name);\n");
        text.Append("}\n");
        return text.ToString();
    }
}
