using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;

namespace Kanban.Domain.Tests.Duplicates;

/// <summary>
/// The words duplicate detection compares: common English words dropped, case, accents and
/// punctuation ignored, identifiers read in parts and whole, and text in any script searchable.
/// </summary>
public sealed class TicketTermsTests
{
    private static readonly DateTimeOffset Now = TicketCorpus.Now;

    [Fact]
    public void Common_english_words_are_left_out()
    {
        TicketTerms.Of("The order is not in the list and it should be there").ShouldBe(["order", "list"]);
        TicketTerms.Of("what is this").ShouldBeEmpty();
    }

    [Fact]
    public void Case_is_ignored()
    {
        TicketTerms.Of("REFUND Button Disabled").ShouldBe(TicketTerms.Of("refund button disabled"));
        TicketTerms.Of("Refund button disabled").ShouldBe(["refund", "button", "disabled"]);
    }

    [Fact]
    public void Punctuation_is_ignored()
    {
        TicketTerms.Of("Export: report, (CSV)! \"weekly\"? - yes; ok...").ShouldBe(["export", "report", "csv", "weekly", "yes", "ok"]);
        TicketTerms.Of("Export report CSV weekly yes ok").ShouldBe(["export", "report", "csv", "weekly", "yes", "ok"]);
    }

    [Fact]
    public void Plurals_are_one_word_with_their_singular()
    {
        TicketTerms.Of("streams queries invoices").ShouldBe(TicketTerms.Of("stream query invoice"));
        TicketTerms.Of("status class").ShouldBe(["status", "class"]);
    }

    [Fact]
    public void A_camel_case_identifier_is_read_in_parts_and_whole()
    {
        var terms = TicketTerms.Of("getUserName");

        terms.ShouldBe(["get", "user", "name", "getusername"]);
        TicketTerms.Of("NativeAzureFsOutputStream").ShouldBe(["native", "azure", "fs", "output", "stream", "nativeazurefsoutputstream"]);
    }

    [Fact]
    public void An_acronym_inside_an_identifier_is_its_own_part()
    {
        TicketTerms.Of("HTTPServer2").ShouldBe(["http", "server2", "httpserver2"]);
        TicketTerms.Of("IOException").ShouldBe(["io", "exception", "ioexception"]);
    }

    [Fact]
    public void An_exception_name_shares_its_words_with_the_same_words_written_out()
    {
        var named = TicketTerms.Of("NullPointerException");

        named.ShouldContain("null");
        named.ShouldContain("pointer");
        named.ShouldContain("exception");
        TicketTerms.Of("null pointer exception").ShouldAllBe(t => named.Contains(t));
        TicketTerms.Of("at java.lang.NullPointerException:").ShouldContain("pointer");
    }

    [Fact]
    public void A_ticket_naming_an_exception_is_found_by_the_words_it_is_made_of()
    {
        var index = new DuplicateIndex();
        index.Upsert(Ticket(1, "Checkout fails with NullPointerException", "Stack trace from CheckoutService.applyGiftCard."));
        index.Upsert(Ticket(2, "Checkout fails when the card is declined", "The bank refuses and the page hangs."));

        var matches = index.Find(Query("Null pointer at checkout", "The checkout fails with a null pointer."), take: 2);

        matches[0].Ticket.Id.ShouldBe(Id(1));
    }

    [Fact]
    public void A_dotted_name_is_read_in_parts_and_whole_and_a_full_stop_after_it_is_not_part_of_it()
    {
        var terms = TicketTerms.Of("Set dfs.namenode.rpc-address.");

        terms.ShouldBe(["set", "dfs", "namenode", "rpc", "address", "dfs.namenode.rpcaddress"]);
        TicketTerms.Of("java.util.ConcurrentModificationException").ShouldContain("java.util.concurrentmodificationexception");
        TicketTerms.Of("java.util.ConcurrentModificationException").ShouldContain("concurrent");
        TicketTerms.Of("end of sentence.Next one").ShouldContain("sentence.next");
    }

    [Fact]
    public void A_snake_case_name_is_read_in_parts_and_whole()
    {
        TicketTerms.Of("MAX_RETRY_COUNT").ShouldBe(["max", "retry", "count", "maxretrycount"]);
        TicketTerms.Of("npe_handler").ShouldBe(["npe", "handler", "npehandler"]);
    }

    [Fact]
    public void Names_written_in_different_styles_share_their_words()
    {
        var camel = TicketTerms.Of("stockSyncJob");
        var snake = TicketTerms.Of("STOCK_SYNC_JOB");
        var words = TicketTerms.Of("stock sync job");

        camel.ShouldBe(["stock", "sync", "job", "stocksyncjob"]);
        snake.ShouldBe(camel);
        words.ShouldAllBe(w => camel.Contains(w));
    }

    [Theory]
    [InlineData("Café crème", "cafe creme")]
    [InlineData("Cafe\u0301 cre\u0300me", "cafe creme")]
    [InlineData("Naïve façade Ångström", "naive facade angstrom")]
    [InlineData("Straße Œuvre", "strasse oeuvre")]
    [InlineData("Łódź Øresund", "lodz oresund")]
    public void Accents_and_ligatures_fold_to_plain_letters(string written, string plain)
    {
        TicketTerms.Of(written).ShouldBe(TicketTerms.Of(plain));
        TicketTerms.Of(written).ShouldNotBeEmpty();
    }

    [Fact]
    public void Combining_marks_are_dropped_however_many()
    {
        TicketTerms.Of("e\u0301\u0323xport").ShouldBe(["export"]);
    }

    [Fact]
    public void Full_width_letters_and_digits_read_as_ascii()
    {
        TicketTerms.Of("ＣＳＶ　Ｅｘｐｏｒｔ ＨＴＴＰ５００").ShouldBe(TicketTerms.Of("CSV export HTTP500"));
        TicketTerms.Of("ＮｕｌｌＰｏｉｎｔｅｒＥｘｃｅｐｔｉｏｎ").ShouldBe(TicketTerms.Of("NullPointerException"));
    }

    [Fact]
    public void Chinese_and_japanese_characters_are_each_a_word()
    {
        var chinese = TicketTerms.Of("支付失败");
        var japanese = TicketTerms.Of("ログイン");

        chinese.ShouldContain("支");
        chinese.ShouldContain("付");
        chinese.ShouldContain("失");
        chinese.ShouldContain("败");
        japanese.ShouldContain("ロ");
        japanese.ShouldContain("グ");
    }

    [Fact]
    public void A_ticket_in_chinese_is_found_by_a_query_in_chinese()
    {
        var index = new DuplicateIndex();
        index.Upsert(Ticket(1, "支付页面崩溃", "用户点击支付按钮以后页面崩溃，订单没有保存。"));
        index.Upsert(Ticket(2, "登录页面太慢", "用户登录需要十秒钟。"));
        index.Upsert(Ticket(3, "Payment page crashes", "Customers press pay and the page crashes."));

        var matches = index.Find(Query("点击支付后崩溃", "按钮点击以后支付页面崩溃了"), take: 3);

        matches[0].Ticket.Id.ShouldBe(Id(1));
        matches.Select(m => m.Ticket.Id).ShouldNotContain(Id(3));
    }

    [Fact]
    public void Korean_text_is_searchable()
    {
        var index = new DuplicateIndex();
        index.Upsert(Ticket(1, "결제 페이지 오류", "결제 버튼을 누르면 오류가 납니다."));
        index.Upsert(Ticket(2, "로그인 느림", "로그인이 느립니다."));

        index.Find(Query("결제 오류", ""), take: 1)[0].Ticket.Id.ShouldBe(Id(1));
    }

    [Fact]
    public void Nothing_or_only_punctuation_has_no_words()
    {
        TicketTerms.Of(null).ShouldBeEmpty();
        TicketTerms.Of("").ShouldBeEmpty();
        TicketTerms.Of("  -- ... !!! ").ShouldBeEmpty();
    }

    private static Guid Id(int n) => new($"00000000-0000-7000-9000-{n:D12}");

    private static IndexedTicket Ticket(int n, string title, string description) =>
        new(Id(n), $"T-{n}", title, description, TicketState.Triage, Now.AddDays(-n), null);

    private static DuplicateQuery Query(string title, string description) => new(title, description, null, Now, Now.AddDays(-180));
}
