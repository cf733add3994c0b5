using System.Net;
using GrantHub.Core.Identity;
using GrantHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrantHub.Tests.Auth;

public sealed class SignInTests : IDisposable
{
    private readonly CountingPasswordHasher _hasher = new();
    private readonly GrantHubFactory _factory;

    public SignInTests() =>
        _factory = GrantHubFactory.WithSettings(new Dictionary<string, string?>(), services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(_hasher);
        });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Ten_wrong_passwords_from_a_stranger_never_keep_the_owner_out()
    {
        var (email, password) = await _factory.NewAccount();
        using var anonymous = _factory.CreateClient();

        for (var attempt = 0; attempt < 12; attempt++)
        {
            await (await anonymous.SignIn(email, "a wrong guess again", from: "203.0.113.9")).ShouldBe(HttpStatusCode.Unauthorized);
            _factory.Clock.Advance(TimeSpan.FromMinutes(16));
        }

        await (await anonymous.SignIn(email, password, from: "198.51.100.20")).ShouldBe(HttpStatusCode.OK);
        await (await anonymous.SignIn(email, password, from: "203.0.113.9")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Repeated_failures_from_one_address_wait_longer_and_longer_before_they_are_even_checked()
    {
        var (email, password) = await _factory.NewAccount();
        using var anonymous = _factory.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await anonymous.SignIn(email, "a wrong guess again", from: "203.0.113.7")).ShouldBe(HttpStatusCode.Unauthorized);
        }

        var waits = new List<string?>();
        for (var round = 0; round < 3; round++)
        {
            var throttled = await anonymous.SignIn(email, password, from: "203.0.113.7");
            await throttled.ShouldBe(HttpStatusCode.TooManyRequests);
            waits.Add(throttled.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _factory.Clock.Advance(throttled.Headers.RetryAfter!.Delta!.Value);
            await (await anonymous.SignIn(email, "a wrong guess again", from: "203.0.113.7")).ShouldBe(HttpStatusCode.Unauthorized);
        }

        Assert.Equal(["1", "2", "4"], waits);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await anonymous.SignIn(unknown, "a wrong guess again", from: "203.0.113.7");
        }

        await (await anonymous.SignIn(unknown, "a wrong guess again", from: "203.0.113.7")).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Unknown_address_wrong_password_and_disabled_account_get_the_same_answer_after_the_same_hashing_work()
    {
        var (email, password) = await _factory.NewAccount();
        var (disabledEmail, disabledPassword) = await _factory.NewAccount();
        var admin = await _factory.Admin();
        var disabledId = await _factory.WithDb(db => db.Users.Where(u => u.Email == disabledEmail).Select(u => u.Id).SingleAsync());
        await (await admin.PostJson($"/api/users/{disabledId}/disable")).ShouldBe(HttpStatusCode.OK);
        using var anonymous = _factory.CreateClient();

        var answers = new List<string>();
        foreach (var (address, attempt) in new[]
                 {
                     ($"nobody-{Guid.NewGuid():N}@example.org", password),
                     (email, "not the right password"),
                     (disabledEmail, disabledPassword),
                 })
        {
            var verificationsBefore = _hasher.Verifications;
            var response = await anonymous.SignIn(address, attempt);
            var problem = await response.ReadJson(HttpStatusCode.Unauthorized);
            Assert.Equal(1, _hasher.Verifications - verificationsBefore);
            answers.Add($"{problem.GetProperty("title")}|{problem.GetProperty("detail")}");
        }

        Assert.Single(answers.Distinct());
    }

    /// <summary>The real hasher, counting how often a password is checked against a hash.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner =
            new(Options.Create(new PasswordHasherOptions { IterationCount = GrantHubFactory.TestPasswordHashIterations }));
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
