using System.Text;
using Kanban.Api.Realtime;

namespace Kanban.Api.Tests.Contract;

/// <summary>
/// The hub's events and messages are written once, in <see cref="IBoardClient"/>; the web's copy is
/// generated from it. This test fails when the committed copy differs, and writes it anew when run
/// with KANBAN_WRITE_CONTRACT=1.
/// </summary>
public sealed class HubContractTests
{
    public const string WebFile = "web/src/api/contract/hub.ts";

    [Fact]
    public void The_web_hub_contract_is_the_one_generated_from_IBoardClient()
    {
        ContractFile.AssertMatches(WebFile, Render());
    }

    [Fact]
    public void Every_hub_event_takes_one_message_and_every_board_message_carries_the_board_and_its_version()
    {
        foreach (var method in typeof(IBoardClient).GetMethods())
        {
            method.ReturnType.ShouldBe(typeof(Task), method.Name);
            var message = method.GetParameters().ShouldHaveSingleItem(method.Name).ParameterType;
            message.GetProperty("BoardId").ShouldNotBeNull(method.Name);
            if (method.Name != nameof(IBoardClient.AccessRevoked))
            {
                message.GetProperty("Version").ShouldNotBeNull(method.Name).PropertyType.ShouldBe(typeof(long), method.Name);
            }
        }
    }

    private static string Render()
    {
        var ts = new TypeScriptContract();
        var events = typeof(IBoardClient).GetMethods().OrderBy(m => m.MetadataToken)
            .Select(m => (m.Name, Message: ts.TypeOf(m.GetParameters().Single().ParameterType)))
            .ToList();

        var text = new StringBuilder(ContractFile.TypeScriptHeader("src/Kanban.Api/Realtime/IBoardClient.cs", "tests/Kanban.Api.Tests/Contract/HubContractTests.cs"))
            .Append(ts.Declarations())
            .AppendLine()
            .AppendLine("/** Each event the board hub sends, with its message. */")
            .AppendLine("export interface BoardHubEvents {");
        foreach (var (name, message) in events)
        {
            text.AppendLine($"  {name}: {message};");
        }

        text.AppendLine("}")
            .AppendLine()
            .AppendLine("export type BoardHubEventName = keyof BoardHubEvents;")
            .AppendLine()
            .AppendLine("export const BOARD_HUB_EVENTS: readonly BoardHubEventName[] = [")
            .AppendJoin("", events.Select(e => $"  '{e.Name}',\n"))
            .AppendLine("];");
        return text.ToString();
    }
}
