namespace GrantHub.Api.Features.Privacy;

/// <summary>
/// How long personal data and free text are kept once they are no longer in use: after a grant is closed or
/// terminated, an application rejected or withdrawn, an emergency request paid, rejected, cancelled or released, and
/// for notifications after they were made. The default, seven years, is a common statutory period for keeping the
/// records of grants paid; set the period your audit and legal obligations require (the agreement promises no longer).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public int Days { get; set; } = 2557;

    public TimeSpan Period => TimeSpan.FromDays(Days);
}
