using GrantHub.Core.Common;

namespace GrantHub.Core.Grants;

/// <summary>One generation of a grant's agreement PDF; signing names its SHA-256 (lower-case hex).</summary>
public class AgreementVersion
{
    private AgreementVersion()
    {
    }

    internal AgreementVersion(Guid grantId, int version, string sha256, Guid generatedBy, DateTimeOffset generatedAt)
    {
        GrantId = grantId;
        Version = version;
        Sha256 = sha256;
        GeneratedBy = generatedBy;
        GeneratedAt = generatedAt;
    }

    public Guid GrantId { get; private set; }
    public int Version { get; private set; }
    public string Sha256 { get; private set; } = "";
    public Guid GeneratedBy { get; private set; }
    public DateTimeOffset GeneratedAt { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public Guid? SignedBy { get; private set; }

    public bool IsSigned => SignedAt is not null;

    internal void Sign(Guid signedBy, DateTimeOffset now)
    {
        if (IsSigned)
        {
            throw new BusinessRuleException("agreement-already-signed", $"Agreement version {Version} is already signed.");
        }

        SignedBy = signedBy;
        SignedAt = now;
    }
}

/// <summary>The PDF bytes of one agreement version, kept apart so that loading a grant never loads its documents.</summary>
public class GrantAgreementDocument
{
    private GrantAgreementDocument()
    {
    }

    public GrantAgreementDocument(Guid grantId, int version, string sha256, byte[] content, DateTimeOffset generatedAt)
    {
        GrantId = grantId;
        Version = version;
        Sha256 = sha256;
        Content = content;
        GeneratedAt = generatedAt;
    }

    public Guid GrantId { get; private set; }
    public int Version { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset GeneratedAt { get; private set; }
}
