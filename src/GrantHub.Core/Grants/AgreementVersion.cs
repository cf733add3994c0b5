using GrantHub.Core.Common;

namespace GrantHub.Core.Grants;

/// <summary>Who signs an agreement version: the lead organisation, each partner organisation, and the funder.</summary>
public enum SigningParty
{
    Lead,
    Partner,
    Funder,
}

/// <summary>One signature an agreement version needs: a party and, for the lead and partners, its organisation.</summary>
public sealed record RequiredSignature(SigningParty Party, Guid? OrganisationId);

/// <summary>
/// One generation of a grant's agreement PDF; each party signs it by naming its SHA-256 (lower-case hex). It is signed
/// (<see cref="SignedAt"/>) once every party the grant requires has signed it; the grant decides who that is.
/// </summary>
public class AgreementVersion
{
    private readonly List<AgreementSignature> _signatures = [];

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

    /// <summary>When the last required party signed this version.</summary>
    public DateTimeOffset? SignedAt { get; private set; }

    public IReadOnlyCollection<AgreementSignature> Signatures => _signatures;

    public bool IsSigned => SignedAt is not null;

    public bool IsSignedBy(RequiredSignature party) =>
        _signatures.Any(s => s.Party == party.Party && s.OrganisationId == party.OrganisationId);

    internal void AddSignature(RequiredSignature party, Guid signedBy, DateTimeOffset now)
    {
        if (IsSignedBy(party))
        {
            throw new BusinessRuleException(
                "agreement-already-signed",
                party.Party == SigningParty.Funder
                    ? $"The funder has already signed agreement version {Version}."
                    : $"This organisation has already signed agreement version {Version}.");
        }

        _signatures.Add(new AgreementSignature(GrantId, Version, party, signedBy, now));
    }

    internal void CompleteSignatures(DateTimeOffset now) => SignedAt ??= now;
}

/// <summary>One party's signature of one agreement version, given by <see cref="SignedBy"/> on the party's behalf.</summary>
public class AgreementSignature
{
    private AgreementSignature()
    {
    }

    internal AgreementSignature(Guid grantId, int version, RequiredSignature party, Guid signedBy, DateTimeOffset signedAt)
    {
        GrantId = grantId;
        Version = version;
        Party = party.Party;
        OrganisationId = party.OrganisationId;
        SignedBy = signedBy;
        SignedAt = signedAt;
    }

    public long Id { get; private set; }
    public Guid GrantId { get; private set; }
    public int Version { get; private set; }
    public SigningParty Party { get; private set; }

    /// <summary>The lead or partner organisation signed for; null for the funder.</summary>
    public Guid? OrganisationId { get; private set; }

    public Guid SignedBy { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }
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
