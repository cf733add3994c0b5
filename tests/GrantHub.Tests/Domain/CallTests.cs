using GrantHub.Core.Calls;
using GrantHub.Core.Common;

using static GrantHub.Tests.Infrastructure.Amounts;

namespace GrantHub.Tests.Domain;

public class CallTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Call NewCall() => new(
        new CallTerms(Guid.NewGuid(), "Call", "", [Pillar.Prevention], ["NP"], EuroCents(100), EuroCents(1_000), 12, 36, Now.AddDays(-1), Now.AddDays(10),
            true, 1, 3, [new RubricCriterion("Relevance", 100, 5)], 2),
        Guid.NewGuid(),
        Now);

    [Fact]
    public void Published_call_accepts_submissions_only_between_opening_and_closing()
    {
        var call = NewCall();
        Assert.False(call.IsAcceptingSubmissions(Now));

        call.Publish(Now);

        Assert.True(call.IsAcceptingSubmissions(Now));
        Assert.False(call.IsAcceptingSubmissions(Now.AddDays(-2)));
        Assert.False(call.IsAcceptingSubmissions(Now.AddDays(10)));
    }

    [Fact]
    public void Closed_call_can_be_decided_but_not_reopened_or_edited()
    {
        var call = NewCall();
        call.Publish(Now);
        call.Close(Now.AddDays(10));

        Assert.Equal("call-invalid-transition", Assert.Throws<BusinessRuleException>(() => call.Publish(Now)).Rule);
        Assert.Equal("call-not-editable", Assert.Throws<BusinessRuleException>(() => call.Update(null!)).Rule);
        call.MarkDecided();
        Assert.Equal(CallStatus.Decided, call.Status);
    }

    [Fact]
    public void Draft_call_cannot_be_decided_or_closed()
    {
        var call = NewCall();

        Assert.Throws<BusinessRuleException>(() => call.Close(Now));
        Assert.Throws<BusinessRuleException>(call.MarkDecided);
    }
}
