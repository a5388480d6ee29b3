using Kanban.Domain.Problems;
using CsCheck;
using Kanban.Domain.Boards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

/// <summary>
/// A board always keeps a product owner: someone must be able to triage and resume the line. The
/// rule is given how many product owners the board has, as the database counts its members; an
/// administrator acts as a product owner everywhere but is no member, so never counts.
/// </summary>
public sealed class ProductOwnerRuleTests
{
    private static readonly Guid Board = Guid.Parse("0191d3a0-0000-7000-8000-0000000b0a4d");

    [Theory]
    [InlineData(BoardRole.Member)]
    [InlineData(BoardRole.Viewer)]
    public void The_only_product_owner_cannot_be_given_another_role_and_keeps_theirs(BoardRole role)
    {
        var owner = new BoardMember(Board, Alice, BoardRole.ProductOwner);

        var refusal = Should.Throw<RuleViolation>(() => owner.ChangeRole(role, productOwners: 1));

        refusal.ProblemType.ShouldBe(ProblemType.LastProductOwner);
        refusal.Message.ShouldBe("This is the board's only product owner; make someone else product owner first.");
        refusal.Figures["userId"].ShouldBe(Alice);
        owner.Role.ShouldBe(BoardRole.ProductOwner);
    }

    [Fact]
    public void The_only_product_owner_cannot_be_removed()
    {
        var owner = new BoardMember(Board, Alice, BoardRole.ProductOwner);

        Should.Throw<RuleViolation>(() => owner.EnsureMayLeave(productOwners: 1)).ProblemType.ShouldBe(ProblemType.LastProductOwner);
    }

    [Fact]
    public void The_only_product_owner_may_be_given_the_product_owner_role_again()
    {
        var owner = new BoardMember(Board, Alice, BoardRole.ProductOwner);

        owner.ChangeRole(BoardRole.ProductOwner, productOwners: 1);

        owner.Role.ShouldBe(BoardRole.ProductOwner);
    }

    [Theory]
    [InlineData(2, BoardRole.Member)]
    [InlineData(2, BoardRole.Viewer)]
    [InlineData(5, BoardRole.Viewer)]
    public void One_of_several_product_owners_may_step_down(int productOwners, BoardRole role)
    {
        var owner = new BoardMember(Board, Alice, BoardRole.ProductOwner);

        owner.ChangeRole(role, productOwners);

        owner.Role.ShouldBe(role);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void One_of_several_product_owners_may_be_removed(int productOwners)
    {
        var owner = new BoardMember(Board, Alice, BoardRole.ProductOwner);

        Should.NotThrow(() => owner.EnsureMayLeave(productOwners));
    }

    [Theory]
    [InlineData(BoardRole.Member, BoardRole.Viewer)]
    [InlineData(BoardRole.Viewer, BoardRole.Member)]
    [InlineData(BoardRole.Member, BoardRole.ProductOwner)]
    [InlineData(BoardRole.Viewer, BoardRole.ProductOwner)]
    public void Anyone_who_is_not_a_product_owner_may_change_role_beside_the_only_product_owner(BoardRole from, BoardRole to)
    {
        var member = new BoardMember(Board, Bob, from);

        member.ChangeRole(to, productOwners: 1);

        member.Role.ShouldBe(to);
    }

    [Theory]
    [InlineData(BoardRole.Member)]
    [InlineData(BoardRole.Viewer)]
    public void Anyone_who_is_not_a_product_owner_may_be_removed_beside_the_only_product_owner(BoardRole role)
    {
        var member = new BoardMember(Board, Bob, role);

        Should.NotThrow(() => member.EnsureMayLeave(productOwners: 1));
    }

    [Fact]
    public void A_board_whose_count_says_no_product_owner_is_left_still_refuses_to_lose_the_one_it_has()
    {
        var owner = new BoardMember(Board, Alice, BoardRole.ProductOwner);

        Should.Throw<RuleViolation>(() => owner.EnsureMayLeave(productOwners: 0));
        Should.Throw<RuleViolation>(() => owner.ChangeRole(BoardRole.Member, productOwners: 0));
    }

    [Fact]
    public void Whatever_is_done_to_a_boards_members_in_whatever_order_a_product_owner_remains()
    {
        var people = new[] { Alice, Bob, Carol, Guid.Parse("0191d3a0-0000-7000-8000-0000000000d4") };
        var steps = Gen.Select(Gen.Int[0, people.Length - 1], Gen.Int[0, 3], (person, what) => (Person: people[person], What: what)).Array[1, 40];
        var refused = 0;
        var demotedOrRemovedOwner = 0;

        steps.Sample(scenario =>
        {
            List<BoardMember> members = [new(Board, Alice, BoardRole.ProductOwner)];
            foreach (var (person, what) in scenario)
            {
                var member = members.Find(m => m.UserId == person);
                var owners = members.Count(m => m.Role == BoardRole.ProductOwner);
                var wasOwner = member?.Role == BoardRole.ProductOwner;
                try
                {
                    if (what == 3 && member is not null)
                    {
                        member.EnsureMayLeave(owners);
                        members.Remove(member);
                        demotedOrRemovedOwner += wasOwner ? 1 : 0;
                    }
                    else if (what < 3)
                    {
                        var role = (BoardRole)what;
                        if (member is null)
                        {
                            members.Add(new BoardMember(Board, person, role));
                        }
                        else
                        {
                            member.ChangeRole(role, owners);
                            demotedOrRemovedOwner += wasOwner && role != BoardRole.ProductOwner ? 1 : 0;
                        }
                    }
                }
                catch (RuleViolation violation)
                {
                    violation.ProblemType.ShouldBe(ProblemType.LastProductOwner);
                    refused++;
                }

                members.Count(m => m.Role == BoardRole.ProductOwner).ShouldBeGreaterThanOrEqualTo(1);
            }
        }, iter: 500);

        // Not vacuous: the last product owner was refused often, and other owners did step down or leave.
        refused.ShouldBeGreaterThan(50);
        demotedOrRemovedOwner.ShouldBeGreaterThan(50);
    }
}
