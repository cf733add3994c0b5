using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using GrantHub.Api.Web;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Emergency;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;

namespace GrantHub.Tests.Web;

/// <summary>French and English are both complete: every text, every rule sentence, every name shown for a value.</summary>
public partial class LocalisationTests
{
    private static readonly ResourceManager Resources = new("GrantHub.Api.Web.SharedResource", typeof(SharedResource).Assembly);

    [Fact]
    public void Every_english_text_has_its_french_version_and_every_french_text_its_english_one()
    {
        var english = Keys(CultureInfo.InvariantCulture);
        var french = Keys(new CultureInfo("fr"));

        Assert.NotEmpty(english);
        Assert.Empty(english.Except(french).Order());
        Assert.Empty(french.Except(english).Order());
        Assert.Empty(Texts(new CultureInfo("fr")).Where(text => string.IsNullOrWhiteSpace(text.Value)).Select(text => text.Key));
    }

    [Fact]
    public void Every_rule_a_use_case_can_refuse_with_has_a_sentence_in_both_languages()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText);
        var rules = sources.SelectMany(source => RuleName().Matches(source).Select(match => match.Groups[1].Value)).ToHashSet();

        Assert.Contains("partners-not-confirmed", rules);
        Assert.Empty(rules.Where(rule => !Keys(CultureInfo.InvariantCulture).Contains("Rule." + rule)).Order());
    }

    [Fact]
    public void Every_text_a_page_asks_for_exists()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "GrantHub.Api", "Web");
        var asked = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cshtml", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(path => TextKey().Matches(File.ReadAllText(path)).Select(match => match.Groups[1].Value))
            .ToHashSet();

        Assert.Contains("Account.SignIn", asked);
        Assert.Empty(asked.Except(Keys(CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public void Every_value_shown_on_a_page_has_a_name()
    {
        Type[] shown =
        [
            typeof(Pillar), typeof(CallStatus), typeof(ApplicationStatus), typeof(TargetGroup), typeof(ConsortiumRole),
            typeof(ConsortiumMemberStatus), typeof(OrganisationType), typeof(DueDiligenceStatus), typeof(MembershipRole),
            typeof(GrantStatus), typeof(ReportKind), typeof(ReportStatus), typeof(TrancheStatus), typeof(EmergencyCategory),
            typeof(EmergencyRequestStatus), typeof(GrantHub.Api.Features.Funds.FundMovementKind), typeof(OnwardShareStatus), typeof(OnwardTransferStatus),
            typeof(GrantHub.Api.Features.Applications.InformationRequestStatus), typeof(FiscalHostConsent),
        ];
        var missing = shown.SelectMany(type => Enum.GetNames(type).Select(name => $"{type.Name}.{name}"))
            .Where(key => !Keys(CultureInfo.InvariantCulture).Contains(key));

        Assert.Empty(missing);
    }

    [Fact]
    public void The_sign_in_page_speaks_the_contract_words_in_both_languages()
    {
        Assert.Equal(("Email", "Password", "Sign in"), Contract(CultureInfo.InvariantCulture));
        Assert.Equal(("Adresse e-mail", "Mot de passe", "Se connecter"), Contract(new CultureInfo("fr")));

        static (string?, string?, string?) Contract(CultureInfo culture) =>
            (Resources.GetString("Field.Email", culture), Resources.GetString("Field.Password", culture), Resources.GetString("Account.SignIn", culture));
    }

    private static HashSet<string> Keys(CultureInfo culture) => [.. Texts(culture).Select(text => text.Key)];

    private static IEnumerable<KeyValuePair<string, string>> Texts(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .Select(entry => new KeyValuePair<string, string>((string)entry.Key, (string)entry.Value!));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GrantHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }

    // A rule name is the first argument of a BusinessRuleException, written directly or through a target-typed new.
    [GeneratedRegex("""(?:BusinessRuleException|\bnew)\(\s*"([a-z0-9]+(?:-[a-z0-9]+)+)",""")]
    private static partial Regex RuleName();

    [GeneratedRegex("""\b(?:T|Text)\["([A-Za-z0-9.]+)"[\],]""")]
    private static partial Regex TextKey();
}
