using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GrantHub.Api.Features.Auth;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace GrantHub.Tests.Infrastructure;

/// <summary>
/// The real application on its own SQLite file with the real migrations and demo data, a fake clock,
/// and no Hangfire server: tests run jobs by sending their commands.
/// </summary>
public class GrantHubFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// Deliberately not a round instant: its sub-millisecond ticks (below the 0.1 ms that SQLite keeps) expose any
    /// instant that is hashed or compared without first being normalised to the precision the database stores.
    /// </summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 2, 9, 7, 31, TimeSpan.Zero).AddTicks(4_159_265);

    /// <summary>The field-encryption keys of every test host (hosts share the template database, so they share its keys).</summary>
    public static readonly IReadOnlyDictionary<string, string?> EncryptionKeys = new Dictionary<string, string?>
    {
        [FieldEncryptionSetup.ActiveKeySetting] = "test1",
        [$"{FieldEncryptionSetup.KeysSetting}:test1"] = Convert.ToBase64String([.. Enumerable.Range(1, FieldCipher.KeySizeBytes).Select(i => (byte)i)]),
        [FieldEncryptionSetup.LookupKeySetting] = Convert.ToBase64String([.. Enumerable.Range(101, FieldCipher.KeySizeBytes).Select(i => (byte)i)]),
    };

    /// <summary>PBKDF2 rounds of the test hosts' password hashes; production keeps Identity's default.</summary>
    public const int TestPasswordHashIterations = 1_000;

    private readonly string _databasePath;
    private readonly bool _ownsDatabase;
    private readonly IReadOnlyDictionary<string, string?> _extraSettings;
    private readonly Action<IServiceCollection> _extraServices;
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();

    public GrantHubFactory()
        : this(NewDatabasePath(), ownsDatabase: true, new FakeTimeProvider(Start), new Dictionary<string, string?>(), _ => { })
    {
    }

    private GrantHubFactory(
        string databasePath,
        bool ownsDatabase,
        FakeTimeProvider clock,
        IReadOnlyDictionary<string, string?> extraSettings,
        Action<IServiceCollection> extraServices)
    {
        _databasePath = databasePath;
        _ownsDatabase = ownsDatabase;
        _extraSettings = extraSettings;
        _extraServices = extraServices;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The clock's instant as GrantHub stores and answers it (whole 0.1 ms, see <see cref="StoredInstant"/>).</summary>
    public DateTimeOffset StoredNow => StoredInstant.Normalise(Clock.GetUtcNow());

    /// <summary>The SQLite file's connection string, or on SQL Server (<see cref="TestSqlServer"/>) the database's.</summary>
    public string ConnectionString => TestSqlServer.Enabled ? _databasePath : $"Data Source={_databasePath}";

    protected virtual string EnvironmentName => "Testing";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:GrantHub"] = ConnectionString,
        ["Database:Provider"] = TestSqlServer.Enabled ? "SqlServer" : "Sqlite",
        ["Demo:Seed"] = "true",
        ["Hangfire:Server:Enabled"] = "false",
        ["RateLimiting:AuthPermitsPerMinute"] = "10000",
        // The console shows warnings and errors only: 150 hosts' Information lines (one per command) made 35,000 lines of
        // CI log that buried the tests' progress. Providers a test adds to capture logs keep their own levels.
        ["Logging:Console:LogLevel:Default"] = "Warning",
        [FieldEncryptionSetup.ActiveKeySetting] = EncryptionKeys[FieldEncryptionSetup.ActiveKeySetting],
        [$"{FieldEncryptionSetup.KeysSetting}:test1"] = EncryptionKeys[$"{FieldEncryptionSetup.KeysSetting}:test1"],
        [FieldEncryptionSetup.LookupKeySetting] = EncryptionKeys[FieldEncryptionSetup.LookupKeySetting],
    };

    /// <summary>The cipher of the test hosts, for contexts made without a host.</summary>
    public static FieldCipher TestCipher() =>
        FieldEncryptionSetup.Cipher(new ConfigurationBuilder().AddInMemoryCollection(EncryptionKeys).Build(), new HostingEnvironment { EnvironmentName = "Testing" });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in Settings.Concat(_extraSettings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Tests move the fake clock by months; a token signed in at the start must stay valid.
            services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromDays(3650));
            // Identity's default (100,000 PBKDF2 rounds, about 0.16 s of a core per hash here) made signing in a large
            // share of the suite's time; the rounds are a cost setting, not behaviour, and the template's demo accounts
            // are hashed with the same count, so no verification asks for a rehash.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = TestPasswordHashIterations);
            SilentHangfireLog.Use(services);
            _extraServices(services);
        });
    }

    /// <summary>A host on its own database with settings added to (or overriding) the test defaults (e.g. SMTP), and replaced services.</summary>
    public static GrantHubFactory WithSettings(IReadOnlyDictionary<string, string?> extraSettings, Action<IServiceCollection>? extraServices = null) =>
        new(NewDatabasePath(), ownsDatabase: true, new FakeTimeProvider(Start), extraSettings, extraServices ?? (_ => { }));

    /// <summary>
    /// A second API instance on this host's database and clock, as behind a load balancer in production.
    /// Start this host first (it migrates and seeds); only this host deletes the database file.
    /// </summary>
    public GrantHubFactory SecondInstance() => new(_databasePath, ownsDatabase: false, Clock, _extraSettings, _extraServices);

    /// <summary>A host on its own database that reads the real system clock, as in production.</summary>
    public static GrantHubFactory OnSystemClock() =>
        WithSettings(new Dictionary<string, string?>(), services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(TimeProvider.System);
        });

    /// <summary>A client signed in as the given account (demo password unless told otherwise).</summary>
    public async Task<HttpClient> ClientFor(string email, string password = DemoData.Password)
    {
        var token = await _tokens.GetOrAdd(email, _ => LoginAsync(email, password));
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> Admin() => ClientFor("admin@granthub.local");

    public Task<HttpClient> Officer() => ClientFor("officer@granthub.local");

    public Task<HttpClient> Reviewer() => ClientFor("reviewer@granthub.local");

    public Task<HttpClient> Finance() => ClientFor("finance@granthub.local");

    public Task<HttpClient> Lead() => ClientFor("lead@granthub.local");

    public Task<HttpClient> Partner() => ClientFor("partner@granthub.local");

    /// <summary>Registers a new applicant account (no staff role, no organisation) and signs it in.</summary>
    public async Task<HttpClient> NewApplicant(string? email = null)
    {
        email ??= $"applicant-{Guid.NewGuid():N}@example.org";
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/auth/register", new { email, password = DemoData.Password });
        response.EnsureSuccessStatusCode();
        return await ClientFor(email);
    }

    public async Task<T> WithDb<T>(Func<GrantHubDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<GrantHubDbContext>());
    }

    public async Task WithScope(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!_ownsDatabase)
        {
            return;
        }

        if (TestSqlServer.Enabled)
        {
            TestSqlServer.Drop(_databasePath);
            return;
        }

        foreach (var suffix in DatabaseFileSuffixes)
        {
            File.Delete(_databasePath + suffix);
        }
    }

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string[] DatabaseFileSuffixes = ["", "-wal", "-shm"];

    private static string NewDatabasePath()
    {
        if (TestSqlServer.Enabled)
        {
            return TestSqlServer.NewDatabase();
        }

        var path = TemporaryDatabasePath();
        foreach (var suffix in DatabaseFileSuffixes.Where(suffix => File.Exists(Template.Value + suffix)))
        {
            File.Copy(Template.Value + suffix, path + suffix);
        }

        return path;
    }

    /// <summary>Starts one host on a fresh file (it migrates and seeds at the fixed start instant), stops it, and keeps the file until the test run ends.</summary>
    private static string CreateTemplate()
    {
        var path = TemporaryDatabasePath();
        using (var host = new GrantHubFactory(path, ownsDatabase: false, new FakeTimeProvider(Start), new Dictionary<string, string?>(), _ => { }))
        {
            _ = host.Services;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var suffix in DatabaseFileSuffixes)
            {
                File.Delete(path + suffix);
            }
        };
        return path;
    }

    private static string TemporaryDatabasePath() => Path.Combine(Path.GetTempPath(), $"granthub-tests-{Guid.NewGuid():N}.db");

    /// <summary>
    /// The code the account's authenticator app shows now, or null for an account without a second factor. A staff account
    /// that must have one but has not enrolled yet (e.g. made through <c>POST /api/users</c>) is first enrolled with the demo
    /// key, as its owner would on the enrolment page.
    /// </summary>
    public async Task<string?> SecondFactorCode(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return null;
        }

        if (!user.TwoFactorEnabled)
        {
            if (!SecondFactor.IsRequiredFor(await users.GetRolesAsync(user)))
            {
                return null;
            }

            var store = (IUserAuthenticatorKeyStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>();
            await store.SetAuthenticatorKeyAsync(user, DemoData.StaffAuthenticatorKey, CancellationToken.None);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return Totp.Now((await users.GetAuthenticatorKeyAsync(user))!);
    }

    private async Task<string> LoginAsync(string email, string password)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/auth/login", new { email, password, twoFactorCode = await SecondFactorCode(email) });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<LoginResult>();
        return login!.AccessToken;
    }

    private sealed record LoginResult(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}
