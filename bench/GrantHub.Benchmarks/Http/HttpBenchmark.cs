using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GrantHub.Benchmarks.Diagnostics;
using GrantHub.Benchmarks.ReportReminders;
using GrantHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using static GrantHub.Benchmarks.CommandLine;

namespace GrantHub.Benchmarks.Http;

/// <summary>
/// Issue 18, item 3: the real host on Kestrel over a seeded portfolio (<see cref="PortfolioSeeder"/>), measured over
/// loopback sockets: GET by id of each aggregate beside a raw Microsoft.Data.Sqlite read of the same row in the same
/// host (<see cref="ReferenceEndpoint"/>), filtered and paged lists and the main web pages at a fixed rate, and the
/// ranking of the big call. Fails (exit code 2) on any answer but 200 or on a count that disagrees with the seed;
/// the targets are printed beside each figure and never fail the run (a loaded machine must not turn CI red).
/// <para>Options: <c>--scale S</c> (1: 5,000 organisations, 100,000 applications...), <c>--seconds N</c> (10 per
/// measurement), <c>--rate R</c> (200 requests/s for lists and pages), <c>--workers W</c> (16, for throughput),
/// <c>--database PATH</c>, <c>--keep</c>, <c>--plans</c> (SQLite's plan of each query a list or page sends), <c>--only TEXT</c> (only the measurements whose
/// name contains it, beside the reference; the counts are checked all the same).</para>
/// </summary>
internal static class HttpBenchmark
{
    public const string Command = "http";

    public static async Task<int> RunAsync(string[] args)
    {
        var size = PortfolioSize.Scaled(DoubleOption(args, "--scale", 1));
        var duration = TimeSpan.FromSeconds(IntOption(args, "--seconds", 10));
        var rate = IntOption(args, "--rate", 200);
        var workers = IntOption(args, "--workers", 16);
        var plans = args.Contains("--plans");
        var only = Option(args, "--only");
        bool Chosen(string measurement) => only is null || measurement.Contains(only, StringComparison.OrdinalIgnoreCase);
        var path = Option(args, "--database") ?? Path.Combine(Path.GetTempPath(), $"granthub-http-{Guid.NewGuid():N}.db");
        if (File.Exists(path))
        {
            Console.Error.WriteLine($"{path} exists; give a new path.");
            return 1;
        }

        var connectionString = $"Data Source={path}";
        try
        {
            var recorder = new CommandRecorder();
            using var host = new BenchmarkHost(path, recorder)
            {
                AddServices = services => services.AddSingleton<IStartupFilter>(new ReferenceEndpoint(connectionString)),
            };
            host.UseKestrel(0);
            host.StartServer();
            var clock = Stopwatch.StartNew();
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var seeded = await new PortfolioSeeder(host).SeedAsync(size, now);
            Console.WriteLine(
                $"Seeded {seeded.Size.Organisations:N0} organisations, {seeded.Size.Calls:N0} calls, {seeded.Size.Applications:N0} applications, " +
                $"{seeded.Size.Grants:N0} Active grants, {seeded.Size.EmergencyRequests:N0} emergency requests, {seeded.Notifications:N0} notifications " +
                $"in {Seconds(clock.Elapsed)}; database {Megabytes(new FileInfo(path).Length)}");

            var server = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = false }) { BaseAddress = new Uri(server) };
            var officer = await BearerAsync(client, seeded.OfficerEmail);
            var finance = await BearerAsync(client, seeded.FinanceEmail);
            var lead = await BearerAsync(client, seeded.LeadEmail);
            var officerCookie = await CookieAsync(client, seeded.OfficerEmail);

            var wrongCounts = await CountProblemsAsync(client, seeded, officer, finance, lead);
            foreach (var problem in wrongCounts)
            {
                Console.Error.WriteLine($"WRONG COUNT: {problem}");
            }

            var load = new LoadGenerator(client);
            var results = new List<LoadResult>();
            Console.WriteLine($"\nGET by id, {workers} workers as fast as the host answers, {duration.TotalSeconds:N0} s each (target: at least 50 % of the reference's throughput)");
            // The host's first burst of concurrent load ran at half speed whatever it served (the reference read, measured
            // twice in a row: 12,729/s then 28,482/s), which made every GET by id look twice its share. That burst is not counted.
            await load.ClosedLoopAsync("host warm-up", () => Get($"{ReferenceEndpoint.Prefix}{seeded.ApplicationId}"), workers, duration);
            var reference = await load.ClosedLoopAsync("reference: raw SQLite read of the application", () => Get($"{ReferenceEndpoint.Prefix}{seeded.ApplicationId}"), workers, duration);
            results.Add(reference);
            Console.WriteLine(reference.Line());
            foreach (var (name, request) in new (string, Func<HttpRequestMessage>)[]
            {
                ("layer: /health, no database", () => Get("/health")),
                ("layer: EF Core read of the same row, no authentication", () => Get($"{ReferenceEndpoint.EntityFrameworkPrefix}{seeded.ApplicationId}")),
            })
            {
                var result = await load.ClosedLoopAsync(name, request, workers, duration);
                results.Add(result);
                var share = result.RequestsPerSecond / reference.RequestsPerSecond;
                Console.WriteLine(result.Line(string.Create(CultureInfo.InvariantCulture, $"  {share:P0} of reference")));
            }

            foreach (var (name, url) in new[]
            {
                ("GET /api/applications/{id}", $"/api/applications/{seeded.ApplicationId}"),
                ("GET /api/grants/{id}", $"/api/grants/{seeded.GrantId}"),
                ("GET /api/calls/{id}", $"/api/calls/{seeded.BusyCallId}"),
                ("GET /api/organisations/{id}", $"/api/organisations/{seeded.OrganisationId}"),
                ("GET /api/funds/{id}", $"/api/funds/{seeded.FundId}"),
                ("GET /api/emergency-requests/{id}", $"/api/emergency-requests/{seeded.EmergencyRequestId}"),
            }.Where(measurement => Chosen(measurement.Item1)))
            {
                var result = await load.ClosedLoopAsync(name, () => Get(url, officer), workers, duration);
                results.Add(result);
                var share = result.RequestsPerSecond / reference.RequestsPerSecond;
                Console.WriteLine(result.Line(string.Create(CultureInfo.InvariantCulture, $"  {share:P0} of reference {Verdict(share >= 0.5)}")));
            }

            Console.WriteLine($"\nLists and pages at {rate} requests/s for {duration.TotalSeconds:N0} s each (target: p99 under 50 ms)");
            foreach (var (name, request) in new (string, Func<HttpRequestMessage>)[]
            {
                ("call's applications: Submitted, NP, page 2", () => Get($"/api/calls/{seeded.BusyCallId}/applications?Status=Submitted&Country=NP&Page=2&PageSize=20", officer)),
                ("applications by call and status, page 3", () => Get($"/api/applications?CallId={seeded.BusyCallId}&Status=Rejected&Page=3&PageSize=20", officer)),
                ("grants: Active, page 5", () => Get("/api/grants?Status=Active&Page=5&PageSize=20", officer)),
                ("my notifications, page 2", () => Get("/api/me/notifications?Page=2&PageSize=20", lead)),
                ("emergency requests: Paid, page 4", () => Get("/api/emergency-requests?Status=Paid&Page=4&PageSize=20", finance)),
                ("approvals queue (finance)", () => Get("/api/finance/queue", finance)),
                ("page /home (officer)", () => Page("/home", officerCookie)),
                ("page /calls/{id}/applications", () => Page($"/calls/{seeded.BusyCallId}/applications?status=Submitted", officerCookie)),
                ("page /grants", () => Page("/grants?status=Active", officerCookie)),
                ("page /grants/{id}", () => Page($"/grants/{seeded.GrantId}", officerCookie)),
            }.Where(measurement => Chosen(measurement.Item1)))
            {
                var queries = await RecordOneAsync(client, recorder, request);
                var result = await load.FixedRateAsync(name, request, rate, duration);
                results.Add(result);
                Console.WriteLine(result.Line(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {Verdict(result.P99Ms < 50)}; alone: {queries.Count} queries, {queries.Sum(q => q.Duration.TotalMilliseconds):N1} ms to their first rows")));
                if (plans)
                {
                    await QueryPlans.PrintAsync(connectionString, [.. queries.Where(q => q.Text is not null)], $"  {name}: query");
                }
            }

            if (Chosen("GET /api/calls/{id}/ranking"))
            {
                Console.WriteLine($"\nRanking of the call with {seeded.Size.RankedApplications:N0} applications, 30 requests one after another (target: under 200 ms)");
                var ranking = await load.SequentialAsync("GET /api/calls/{id}/ranking", () => Get($"/api/calls/{seeded.RankedCallId}/ranking", officer), 30);
                results.Add(ranking);
                Console.WriteLine(ranking.Line($"  {Verdict(ranking.P99Ms < 200)}"));
            }

            var failures = results.Sum(r => r.Failures);
            Console.WriteLine($"\n{results.Sum(r => r.Requests):N0} requests, {failures:N0} answered other than 200; {wrongCounts.Count} wrong counts");
            return failures == 0 && wrongCounts.Count == 0 ? 0 : 2;
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(path + suffix);
                }
            }
        }
    }

    /// <summary>The database commands of one request sent alone, in the order they ran.</summary>
    private static async Task<IReadOnlyList<RecordedCommand>> RecordOneAsync(HttpClient client, CommandRecorder recorder, Func<HttpRequestMessage> request)
    {
        recorder.Clear();
        recorder.Recording = true;
        using (var response = await client.SendAsync(request()))
        {
            await response.Content.LoadIntoBufferAsync();
        }

        recorder.Recording = false;
        return [.. recorder.Commands.OrderBy(c => c.StartedAt)];
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static HttpRequestMessage Get(string url, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    private static HttpRequestMessage Page(string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static async Task<string> BearerAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsJsonAsync("/auth/login", SignIn(email));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Staff send their authenticator app's code; an account without a second factor ignores it.</summary>
    private static object SignIn(string email) =>
        new { email, password = PortfolioSeeder.Password, twoFactorCode = Totp.Now(PortfolioSeeder.StaffAuthenticatorKey) };

    /// <summary>The browser's sign-in cookie, from the API's cookie sign-in (the web pages read the same cookie).</summary>
    private static async Task<string> CookieAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsJsonAsync("/auth/login?useCookies=true", SignIn(email));
        response.EnsureSuccessStatusCode();
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';')[0]));
    }

    /// <summary>Counts the host reports that must agree with what was seeded; a schema change that breaks the seed shows here.</summary>
    private static async Task<List<string>> CountProblemsAsync(HttpClient client, SeededHttpPortfolio seeded, string officer, string finance, string lead)
    {
        var problems = new List<string>();
        async Task Expect(string what, string url, string bearer, Func<JsonElement, int> count, int expected)
        {
            using var response = await client.SendAsync(Get(url, bearer));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{what}: {url} answered {(int)response.StatusCode}");
                return;
            }

            var actual = count(await response.Content.ReadFromJsonAsync<JsonElement>());
            if (actual != expected)
            {
                problems.Add($"{what}: {actual:N0}, expected {expected:N0}");
            }
        }

        await Expect("Active grants", "/api/grants?Status=Active&PageSize=1", officer, body => body.GetProperty("totalCount").GetInt32(), seeded.Size.Grants);
        await Expect("the lead's notifications", "/api/me/notifications?PageSize=1", lead, body => body.GetProperty("totalCount").GetInt32(), 1_000);
        await Expect("ranked applications", $"/api/calls/{seeded.RankedCallId}/ranking", officer, body => body.GetProperty("items").GetArrayLength(),
            seeded.Size.RankedApplications);
        await Expect("emergency requests awaiting a decision", "/api/finance/queue", finance,
            body => body.GetProperty("awaitingDecision").EnumerateArray().Count(item => item.GetProperty("kind").GetString() == "EmergencyRequest"), 50);
        return problems;
    }
}
