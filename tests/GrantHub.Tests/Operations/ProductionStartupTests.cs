using System.Diagnostics;
using System.Reflection;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GrantHub.Tests.Operations;

/// <summary>The real host, started as a process in Production, refuses unsafe settings before it touches a database.</summary>
public class ProductionStartupTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("granthub-production-").FullName;

    [Fact]
    public async Task Production_without_settings_exits_with_one_message_listing_what_is_missing_and_creates_no_database()
    {
        var (exitCode, errors) = await RunHost();

        Assert.Equal(1, exitCode);
        Assert.Contains("GrantHub did not start", errors);
        Assert.Contains("ConnectionStrings:GrantHub is missing", errors);
        Assert.Contains("Agreements:FunderName is still the demo funder's name", errors);
        Assert.Contains($"{DataProtectionKeyProtection.CertificatePathSetting} is missing", errors);
        Assert.Contains($"{FieldEncryptionSetup.ActiveKeySetting} and {FieldEncryptionSetup.LookupKeySetting} are missing", errors);
        Assert.Empty(Directory.GetFiles(_workingDirectory));
    }

    [Fact]
    public async Task Production_refuses_the_example_files_placeholders_and_demo_accounts()
    {
        var (exitCode, errors) = await RunHost(
            "--ConnectionStrings:GrantHub=Server=mssql;Database=GrantHub;User Id=granthub_app;Password=SET-VIA-ConnectionStrings__GrantHub",
            "--Agreements:FunderName=SET-THE-FUNDER'S-LEGAL-NAME",
            "--Smtp:Host=smtp.example.org",
            "--Demo:Seed=true");

        Assert.Equal(1, exitCode);
        Assert.Contains("ConnectionStrings:GrantHub still holds a placeholder", errors);
        Assert.Contains("Agreements:FunderName still holds a placeholder", errors);
        Assert.Contains("Smtp:Host still holds a placeholder", errors);
        Assert.Contains("Demo:Seed must be false", errors);
        Assert.Contains("App:PublicBaseUrl is missing", errors);
        Assert.Empty(Directory.GetFiles(_workingDirectory));
    }

    [Fact]
    public async Task Production_with_no_administrator_does_not_open_registration_but_exits_saying_so()
    {
        var (exitCode, errors) = await RunHost([
            $"--ConnectionStrings:GrantHub=Data Source={Path.Combine(_workingDirectory, "granthub.db")}",
            "--Agreements:FunderName=Fondation Exemple pour la Paix",
            $"--DataProtection:CertificatePath={TestCertificates.CreatePfx(Path.Combine(_workingDirectory, "keys.pfx"), "pfx-password")}",
            "--DataProtection:CertificatePassword=pfx-password",
            "--Hangfire:Server:Enabled=false",
            .. GrantHubFactory.EncryptionKeys.Select(setting => $"--{setting.Key}={setting.Value}")]);

        Assert.Equal(1, exitCode);
        Assert.Contains(AdminBootstrap.NoAdminMessage, errors);
    }

    [Fact]
    public async Task A_port_already_in_use_is_told_in_one_line_without_a_stack_trace_once_the_new_database_is_complete()
    {
        using var occupant = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var database = Path.Combine(_workingDirectory, "granthub.db");

        var (exitCode, errors, output) = await RunHostIn(Environments.Development,
            $"--ConnectionStrings:GrantHub=Data Source={database}",
            "--Demo:Seed=false",
            "--Hangfire:Server:Enabled=false",
            "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, exitCode);
        Assert.Contains($"GrantHub cannot start: Failed to bind to address http://127.0.0.1:{port}: address already in use.", errors);
        Assert.DoesNotContain("   at ", errors + output);
        // The migrations run beside the web server's start; cut short by the exit, they would leave the database half
        // made and SQLite's migration lock taken, which the next start would wait for.
        var migrations = Assembly.Load(DatabaseSetup.SqliteMigrationsAssembly).GetTypes().Count(type => type.GetCustomAttribute<MigrationAttribute>() is not null);
        Assert.Equal(migrations, await Scalar(database, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(0L, await Scalar(database, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
    }

    private static async Task<long> Scalar(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public void Outside_production_nothing_is_required()
    {
        var configuration = new ConfigurationBuilder().Build();

        Assert.Empty(ProductionSettings.Problems(configuration, new TestEnvironment("Development")));
        Assert.NotEmpty(ProductionSettings.Problems(configuration, new TestEnvironment("Production")));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData("true", HttpStatusCode.OK)]
    public async Task Production_serves_the_api_reference_only_when_configured_to(string? enabled, HttpStatusCode expected)
    {
        using var factory = new ProductionFactory(enabled);
        var client = factory.CreateClient();

        await (await client.GetAsync("/openapi/v1.json")).ShouldBe(expected);
        await (await client.GetAsync("/scalar")).ShouldBe(expected);
        await (await client.GetAsync("/health")).ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    /// <summary>Runs the API's own build output in Production from an empty working directory; waits at most a minute.</summary>
    private async Task<(int ExitCode, string Errors)> RunHost(params string[] arguments)
    {
        var (exitCode, errors, _) = await RunHostIn(Environments.Production, arguments);
        return (exitCode, errors);
    }

    private async Task<(int ExitCode, string Errors, string Output)> RunHostIn(string environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = environment, ["DOTNET_ENVIRONMENT"] = environment },
        };
        start.ArgumentList.Add(Path.Combine(ApiOutputDirectory(), "GrantHub.Api.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(ApiOutputDirectory());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The host did not exit within a minute: {await output}");
        }

        return (process.ExitCode, await errors, await output);
    }

    /// <summary>src/GrantHub.Api/bin/&lt;configuration&gt;/net10.0, built with the tests (they reference the API project).</summary>
    private static string ApiOutputDirectory()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var repository = testOutput;
        while (!File.Exists(Path.Combine(repository.FullName, "GrantHub.sln")))
        {
            repository = repository.Parent ?? throw new InvalidOperationException("GrantHub.sln not found above the test output.");
        }

        return Path.Combine(repository.FullName, "src", "GrantHub.Api", "bin", testOutput.Parent!.Name, testOutput.Name);
    }

    /// <summary>The host in Production with every required setting and a first admin, no demo data.</summary>
    private sealed class ProductionFactory(string? apiReferenceEnabled) : GrantHubFactory
    {
        protected override string EnvironmentName => Environments.Production;

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = new Dictionary<string, string?>(base.Settings)
                {
                    ["Demo:Seed"] = "false",
                    ["Agreements:FunderName"] = "Fondation Exemple pour la Paix",
                    ["Bootstrap:AdminEmail"] = "first-admin@funder.test",
                    ["Bootstrap:AdminPassword"] = "Prod#Admin2026pass",
                    [DataProtectionKeyProtection.CertificatePathSetting] = TestCertificates.CreatePfx(
                        Path.Combine(Path.GetTempPath(), $"granthub-keys-{Guid.NewGuid():N}.pfx"), "pfx-password"),
                    [DataProtectionKeyProtection.CertificatePasswordSetting] = "pfx-password",
                };
                if (apiReferenceEnabled is not null)
                {
                    settings[ProductionSettings.ApiReferenceSetting] = apiReferenceEnabled;
                }

                return settings;
            }
        }
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "GrantHub.Api";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
