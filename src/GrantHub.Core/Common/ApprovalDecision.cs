namespace GrantHub.Core.Common;

/// <summary>What a finance officer answers when asked to approve a payment (a tranche or an emergency request).</summary>
public enum ApprovalDecision
{
    Approve,
    Reject,
}
