using System.Globalization;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;

namespace Kanban.Domain.Tests.Tickets;

/// <summary>
/// Rule 5, as a table: realistic tickets, good and bad, each with what every one of the five gates
/// must answer and, for a gate that fails, what its message must name so the submitter knows what to fix.
/// </summary>
public sealed class QualityGateTableTests
{
    private const string ResetTitle = "Fix the expired link in the password reset e-mail";
    private const string ResetDescription =
        "When someone asks for a password reset, the e-mail links to a page that has already expired. Make the link valid for one hour.";
    private const string ResetCriterion = "The link in the reset e-mail opens the new password form for one hour";

    private const string ExportTitle = "Export the weekly flow report as CSV";
    private const string ExportDescription =
        "Add an export button to the report page that downloads the weekly flow figures as a CSV file.";
    private const string ExportCriterion = "The downloaded file holds one row per lane and day";

    private static readonly Verdict Passes = new(true, []);

    /// <summary>A board that edited its filler list (some words removed, its own added) and allows ten-day tickets.</summary>
    private static readonly BoardSettings TenDayBoard = new()
    {
        MaxEstimateDays = 10,
        FillerWords = ["seamless", "looks right", "正常", "sin problemas", "as expected"],
    };

    private static readonly BoardSettings ThreeDayBoard = new() { MaxEstimateDays = 3 };

    private static readonly GateCase[] Table =
    [
        new("A well-written ticket passes every gate",
            new(ExportTitle, ExportDescription, [ExportCriterion, "The header row names every column"], 2m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),

        // Vague definitions of done
        new("The criterion 'It works' is too short and untestable",
            new(ResetTitle, ResetDescription, ["It works"], 1m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("Criterion 1 has 2 words", "at least 4", "\"works\""), Estimate: Passes, Duplicate: Passes),
        new("The criterion 'Login works as expected' names two fillers",
            new("Let people sign in with their company account", "Staff sign in with a separate password today; let them use the company account they already use for e-mail and chat.", ["Login works as expected"], 3m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("Criterion 1", "\"works\"", "\"as expected\"", "cannot be tested"), Estimate: Passes, Duplicate: Passes),
        new("Filler hidden inside a longer sentence is found",
            new("Speed up the monthly report for large boards", "The monthly report takes over a minute to load on boards with more than five thousand cards, and people give up waiting.", ["The report loads and everything works for every user"], 2m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("Criterion 1 says \"works\""), Estimate: Passes, Duplicate: Passes),
        new("A filler phrase is found across odd spacing and case",
            new("Migrate the card history to the new database", "Copy every card's history from the old reporting database to the new one, so the charts keep their past twelve months.", ["After the migration the numbers Should  Be\tGood"], 4m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("\"should be good\""), Estimate: Passes, Duplicate: Passes),
        new("Filler inside other words does not count: defined, abandoned, token, prefixed, networking",
            new("Clean up abandoned uploads and expired tokens", "Uploads that were never finished and sign-in tokens that expired stay in storage forever; remove them every night to save space.",
                ["Every field the schema has defined shows in the upload form", "An abandoned upload is removed after one day", "An expired token sends the user to the sign-in page", "The prefixed order numbers start with the board key", "The networking page lists every storage node"], 2m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A criterion ending in 'etc.' is untestable, and 'etc.' is named once",
            new(ExportTitle, ExportDescription, [ExportCriterion, "The file lists lanes, cards, owners, etc."], 2m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("Criterion 2 says \"etc.\", which"), Estimate: Passes, Duplicate: Passes),
        new("Filler written in capitals is still filler: TBD and OK",
            new(ExportTitle, ExportDescription, ["The column order is TBD by the product owner", "The page shows OK after the download starts"], 2m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("Criterion 1 says \"tbd\"", "Criterion 2 says \"ok\""), Estimate: Passes, Duplicate: Passes),
        new("Only the vague one of three criteria is named, by its number",
            new(ExportTitle, ExportDescription, [ExportCriterion, "Everything about the export is fine", "The header row names every column"], 2m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("Criterion 2 says \"fine\""), Estimate: Passes, Duplicate: Passes),

        // Criteria: empty, blank, boundaries
        new("No criteria at all",
            new(ResetTitle, ResetDescription, [], 1m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("at least one acceptance criterion", "4 words"), Estimate: Passes, Duplicate: Passes),
        new("Criteria that are only blank strings count as none",
            new(ResetTitle, ResetDescription, ["", "   ", "\t"], 1m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("at least one acceptance criterion"), Estimate: Passes, Duplicate: Passes),
        new("A blank criterion is skipped, and the others keep the number the submitter sees",
            new(ResetTitle, ResetDescription, [ResetCriterion, "", "Done"], 1m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("Criterion 3 has 1 word;", "Criterion 3 says \"done\""), Estimate: Passes, Duplicate: Passes),
        new("A criterion of exactly 4 words passes",
            new(ExportTitle, ExportDescription, ["Export button downloads CSV"], 2m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A criterion of 3 words fails",
            new(ExportTitle, ExportDescription, ["Button downloads CSV"], 2m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("Criterion 1 has 3 words", "at least 4"), Estimate: Passes, Duplicate: Passes),

        // Descriptions
        new("A one-line description",
            new(ResetTitle, "Fix the reset link.", [ResetCriterion], 1m, CardClass.Standard),
            Title: Passes, Description: Fails("has 4 words", "at least 15"), Estimate: Passes, DefinitionOfDone: Passes, Duplicate: Passes),
        new("An empty description",
            new(ResetTitle, "  ", [ResetCriterion], 1m, CardClass.Standard),
            Title: Passes, Description: Fails("at least 15 words"), DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A description of exactly 15 words passes",
            new(ExportTitle, "Add a CSV export button to the weekly flow report so managers can share it.", [ExportCriterion], 2m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A description of 14 words fails",
            new(ExportTitle, "Add a CSV export button to the flow report so managers can share it.", [ExportCriterion], 2m, CardClass.Standard),
            Title: Passes, Description: Fails("has 14 words", "at least 15"), DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),

        // Estimates
        new("A 20-day estimate is too big to be one ticket",
            new("Rebuild the reporting module on the new charts", "The reporting module still uses the old chart library, which is no longer maintained and breaks in the newest browsers.", ["Every report draws with the new chart library"], 20m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Fails("20 days", "maximum of 5", "split"), Duplicate: Passes),
        new("A quarter-day estimate is under the minimum",
            new("Fix the typo in the sign-in button label", "The sign-in button says 'Sing in' on the French page; correct the label so it reads as the other languages do.", ["The French sign-in button reads Se connecter"], 0.25m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Fails("0.25 days", "minimum of 0.5"), Duplicate: Passes),
        new("A missing estimate (zero) asks for one",
            new(ExportTitle, ExportDescription, [ExportCriterion], 0m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Fails("Estimate the work in days", "0.5 to 5"), Duplicate: Passes),
        new("An estimate of exactly half a day passes",
            new(ExportTitle, ExportDescription, [ExportCriterion], 0.5m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("An estimate of exactly 5 days passes",
            new(ExportTitle, ExportDescription, [ExportCriterion], 5m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("An estimate just over 5 days is shown as it was written, not rounded to 5",
            new(ExportTitle, ExportDescription, [ExportCriterion], 5.001m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Fails("5.001 days is more than", "maximum of 5"), Duplicate: Passes),

        // Titles
        new("A shouting title: FIX LOGIN NOW!!!",
            new("FIX LOGIN NOW!!!", "Nobody in the Berlin office can sign in since this morning's release; the page shows a blank screen after the password.", ["People in the Berlin office can sign in again"], 1m, CardClass.BusinessBlocker),
            Title: Fails("all capitals", "normal case"), Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("Acronyms in a normal title are fine: Add SSO to the HR portal",
            new("Add SSO to the HR portal", "People sign in to the HR portal with a separate password; let them use the company single sign-on instead, like every other tool.", ["The HR portal signs people in with the company account"], 3m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A title of 7 characters is too short",
            new("Fix bug", ResetDescription, [ResetCriterion], 1m, CardClass.Standard),
            Title: Fails("7 characters", "at least 8"), Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("Spaces around a title do not count towards its length",
            new("   Fix bug   ", ResetDescription, [ResetCriterion], 1m, CardClass.Standard),
            Title: Fails("7 characters", "at least 8"), Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A title of exactly 8 characters passes",
            new("Add logo", "Put the company logo at the top left of every page, linking to the board list, as the brand guide asks.", ["The logo shows on every page and links home"], 0.5m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A blank title asks for one",
            new("  ", ResetDescription, [ResetCriterion], 1m, CardClass.Standard),
            Title: Fails("Give the ticket a title of 8 to 120 characters"), Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A title of exactly 120 characters passes",
            new("Show each lane's average cycle time, WIP limit and count of blocked cards in a tooltip when hovering over the lane title", ExportDescription, [ExportCriterion], 2m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A title of 121 characters is too long",
            new("Show each lane's average cycle time, WIP limit and count of blocked cards in a tooltip when hovering over the lane header", ExportDescription, [ExportCriterion], 2m, CardClass.Standard),
            Title: Fails("121 characters", "shorten it to 120", "description"), Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),

        // Other languages
        new("A French ticket with accents passes",
            new("Corriger l'export des données en CSV",
                "Quand un utilisateur exporte le rapport hebdomadaire, les caractères accentués comme é, è et ç sont remplacés par des points d'interrogation.",
                ["Le fichier exporté affiche « Né à Besançon » sans caractère remplacé"], 1m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A German ticket with umlauts and ß passes",
            new("Größere Dateien beim Hochladen prüfen",
                "Beim Hochladen von Anhängen über zwanzig Megabyte bricht die Übertragung ohne Fehlermeldung ab, und der Nutzer weiß nicht, was passiert ist.",
                ["Eine Datei über zwanzig Megabyte zeigt eine verständliche Fehlermeldung"], 1.5m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A Spanish ticket with ñ and accents passes",
            new("Añadir la opción de cambiar el idioma a español",
                "Los usuarios de México y España piden poder cambiar el idioma de la aplicación desde su perfil, sin tener que pedírselo al administrador.",
                ["El menú del perfil muestra la opción «Idioma» con español e inglés"], 3m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A Japanese ticket counts each character as a word",
            new("パスワード再設定メールの修正", "ログイン画面でパスワードを忘れた場合の再設定メールが届かないので、送信処理を修正する。", ["再設定メールが五分以内に届く"], 1m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A Japanese description of exactly 15 characters, one of them outside the basic plane (𠮷)",
            new("注文画面の表示速度を改善する", "𠮷野家の注文画面の表示が遅い件", ["注文画面が二秒以内に表示される"], 2m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A Chinese description of 4 characters is too short",
            new("修复登录页面的验证码", "修复登录", ["输入正确的验证码后可以登录"], 1m, CardClass.Standard),
            Title: Passes, Description: Fails("has 4 words", "at least 15"), DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A Chinese title has no case and passes at 8 characters",
            new("修复密码重置邮件", "用户申请重置密码后，邮件中的链接已经过期，需要把有效期改为一个小时。", ["重置邮件中的链接在一个小时内有效"], 1m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A Chinese title of 6 characters is too short",
            new("修复登录页面", "用户申请重置密码后，邮件中的链接已经过期，需要把有效期改为一个小时。", ["重置邮件中的链接在一个小时内有效"], 1m, CardClass.Standard),
            Title: Fails("6 characters", "at least 8"), Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A Chinese title naming SSO and HR is not shouting",
            new("为 HR 门户添加 SSO 登录", "员工现在需要用单独的密码登录人事门户，希望可以像其他系统一样使用公司的统一登录。", ["员工可以用公司账号登录人事门户"], 3m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A Greek title in capitals is shouting",
            new("ΔΙΟΡΘΩΣΗ ΤΗΣ ΣΥΝΔΕΣΗΣ ΧΡΗΣΤΗ",
                "Όταν ο χρήστης ξεχνά τον κωδικό του, ο σύνδεσμος επαναφοράς στο μήνυμα έχει ήδη λήξει πριν ανοίξει.",
                ["Ο σύνδεσμος επαναφοράς ισχύει για μία ώρα"], 1m, CardClass.Standard),
            Title: Fails("all capitals"), Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A Greek title in normal case passes",
            new("Διόρθωση της σύνδεσης χρήστη",
                "Όταν ο χρήστης ξεχνά τον κωδικό του, ο σύνδεσμος επαναφοράς στο μήνυμα έχει ήδη λήξει πριν ανοίξει.",
                ["Ο σύνδεσμος επαναφοράς ισχύει για μία ώρα"], 1m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),
        new("A Cyrillic title in capitals is shouting",
            new("ИСПРАВИТЬ ВХОД В СИСТЕМУ",
                "Пользователь не может войти в систему после смены пароля, потому что старая сессия не удаляется с сервера.",
                ["После смены пароля вход выполняется с новым паролем"], 2m, CardClass.Standard),
            Title: Fails("all capitals"), Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes),

        // A board's own settings
        new("A board's own filler word is refused",
            new("Upgrade the board engine to the new version", "The board engine is two major versions behind; upgrade it so we get the security fixes and the faster card queries.", ["The upgrade is seamless for existing users"], 8m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("\"seamless\""), Estimate: Passes, Duplicate: Passes) { Board = TenDayBoard },
        new("A default filler word the board removed from its list is allowed, and 8 days fit its maximum of 10",
            new(ExportTitle, ExportDescription, ["The export works for boards with a thousand cards"], 8m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Passes) { Board = TenDayBoard },
        new("A board's Chinese filler word is found inside a sentence without spaces",
            new("修复导出文件的编码问题", "导出的报表文件在表格软件里打开时中文全部变成乱码，需要改用正确的编码保存文件。", ["导出的文件可以正常打开"], 1m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("\"正常\""), Estimate: Passes, Duplicate: Passes) { Board = TenDayBoard },
        new("A board's Spanish filler phrase is found",
            new("Añadir la opción de cambiar el idioma a español",
                "Los usuarios de México y España piden poder cambiar el idioma de la aplicación desde su perfil, sin tener que pedírselo al administrador.",
                ["El cambio de idioma funciona sin problemas"], 3m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Fails("\"sin problemas\""), Estimate: Passes, Duplicate: Passes) { Board = TenDayBoard },
        new("12 days are over a board's maximum of 10",
            new(ExportTitle, ExportDescription, [ExportCriterion], 12m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Fails("12 days", "maximum of 10", "split", "10 days or less"), Duplicate: Passes) { Board = TenDayBoard },
        new("4 days are over a board's maximum of 3",
            new(ExportTitle, ExportDescription, [ExportCriterion], 4m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Fails("4 days", "maximum of 3", "split"), Duplicate: Passes) { Board = ThreeDayBoard },

        // Duplicates, and everything at once
        new("A likely duplicate fails only the duplicate gate",
            new(ExportTitle, ExportDescription, [ExportCriterion], 2m, CardClass.Standard),
            Title: Passes, Description: Passes, DefinitionOfDone: Passes, Estimate: Passes, Duplicate: Fails("DEMO-12", "merges it or marks it distinct")) { LikelyDuplicateOf = "DEMO-12" },
        new("A ticket that gets everything wrong fails every gate",
            new("BUG", "Broken.", [], 0m, CardClass.Standard),
            Title: Fails("3 characters"), Description: Fails("has 1 word;"), DefinitionOfDone: Fails("at least one acceptance criterion"), Estimate: Fails("0.5 to 5"), Duplicate: Fails("DEMO-3")) { LikelyDuplicateOf = "DEMO-3" },
    ];

    public static TheoryData<string> Cases => [.. Table.Select(c => c.Name)];

    [Fact]
    public void The_table_holds_distinct_cases_good_and_bad_for_every_gate()
    {
        Table.Select(c => c.Name).ShouldBeUnique();
        Table.Length.ShouldBeGreaterThanOrEqualTo(30);
        foreach (var gate in QualityGates.All)
        {
            Table.ShouldContain(c => c.Expected(gate).Passed, $"no case passes {gate}");
            Table.ShouldContain(c => !c.Expected(gate).Passed, $"no case fails {gate}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_gate_passes_or_fails_as_the_rules_say_and_a_failure_names_the_problem(string name)
    {
        var row = Table.Single(c => c.Name == name);

        var results = QualityGates.Check(row.Ticket, row.Board ?? new BoardSettings(), row.LikelyDuplicateOf);

        results.Select(r => r.Gate).ShouldBe(QualityGates.All);
        results.Select(r => $"{r.Gate}: {(r.Passed ? "passes" : "fails")}").ShouldBe(
            QualityGates.All.Select(g => $"{g}: {(row.Expected(g).Passed ? "passes" : "fails")}"),
            string.Join(Environment.NewLine, results.Select(r => $"{r.Gate}: {r.Message}")));
        foreach (var result in results)
        {
            foreach (var mention in row.Expected(result.Gate).Mentions)
            {
                result.Message.ShouldContain(mention, Case.Sensitive, $"{result.Gate}: {result.Message}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_failing_gate_says_what_to_fix_and_a_passing_one_says_it_passed(string name)
    {
        var row = Table.Single(c => c.Name == name);
        var settings = row.Board ?? new BoardSettings();

        foreach (var result in QualityGates.Check(row.Ticket, settings, row.LikelyDuplicateOf))
        {
            result.Message.ShouldNotBeNullOrWhiteSpace();
            result.Message.ShouldEndWith(".");
            if (result.Passed)
            {
                result.Message.ShouldMatch(PassMessage(result.Gate, settings), result.Gate);
            }
            else
            {
                result.Message.ShouldNotMatch(PassMessage(result.Gate, settings), result.Gate);
                LimitsNamed(result.Gate, settings, row.LikelyDuplicateOf).ShouldContain(
                    limit => result.Message.Contains(limit, StringComparison.Ordinal),
                    $"{result.Gate}: \"{result.Message}\" names none of the limits it enforces");
            }
        }
    }

    [Fact]
    public void The_same_filler_list_read_twice_gives_the_same_answer_and_a_changed_list_is_read_afresh()
    {
        List<string> criteria = ["The export works for boards with a thousand cards"];

        QualityGates.CheckDefinitionOfDone(criteria, BoardSettings.DefaultFillerWords).Passed.ShouldBeFalse();
        QualityGates.CheckDefinitionOfDone(criteria, BoardSettings.DefaultFillerWords).Passed.ShouldBeFalse();
        QualityGates.CheckDefinitionOfDone(criteria, ["seamless"]).Passed.ShouldBeTrue();
        QualityGates.CheckDefinitionOfDone(criteria, BoardSettings.DefaultFillerWords).Passed.ShouldBeFalse();
    }

    /// <summary>What a gate's message says when it passes: that it passed, and for the counted gates, by how much.</summary>
    private static string PassMessage(string gate, BoardSettings settings) => gate switch
    {
        QualityGates.Title => @"^The title names the work\.$",
        QualityGates.Description => @"^The description says what needs doing \(\d+ words\)\.$",
        QualityGates.DefinitionOfDone => @"^(The criterion can be checked|All \d+ criteria can be checked)\.$",
        QualityGates.Estimate => $@"^[\d.]+ days? is within the board's range of 0\.5 to {Days(settings.MaxEstimateDays)}\.$",
        QualityGates.Duplicate => @"^No unresolved likely duplicate\.$",
        _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, null),
    };

    /// <summary>The limits a failing gate's message can name; it must name at least one of them.</summary>
    private static string[] LimitsNamed(string gate, BoardSettings settings, string? likelyDuplicateOf) => gate switch
    {
        QualityGates.Title => [$"at least {QualityGates.MinTitleLength}", $"{QualityGates.MinTitleLength} to {QualityGates.MaxTitleLength}", $"to {QualityGates.MaxTitleLength}", "normal case"],
        QualityGates.Description => [$"at least {QualityGates.MinDescriptionWords}"],
        QualityGates.DefinitionOfDone => [$"at least {QualityGates.MinCriterionWords}", $"in {QualityGates.MinCriterionWords} words or more", "cannot be tested"],
        QualityGates.Estimate => [Days(QualityGates.MinEstimateDays), $"maximum of {Days(settings.MaxEstimateDays)}"],
        QualityGates.Duplicate => [likelyDuplicateOf!],
        _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, null),
    };

    private static string Days(decimal days) => days.ToString("0.##", CultureInfo.InvariantCulture);

    private static Verdict Fails(params string[] mentions) => new(false, mentions);

    /// <summary>What a gate must answer: whether it passes and, when it fails, what its message must name.</summary>
    private sealed record Verdict(bool Passed, string[] Mentions);

    private sealed record GateCase(
        string Name, TicketContent Ticket, Verdict Title, Verdict Description, Verdict DefinitionOfDone, Verdict Estimate, Verdict Duplicate)
    {
        public BoardSettings? Board { get; init; }

        public string? LikelyDuplicateOf { get; init; }

        public Verdict Expected(string gate) => gate switch
        {
            QualityGates.Title => Title,
            QualityGates.Description => Description,
            QualityGates.DefinitionOfDone => DefinitionOfDone,
            QualityGates.Estimate => Estimate,
            QualityGates.Duplicate => Duplicate,
            _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, null),
        };
    }
}
