namespace GrantHub.Api.Web;

/// <summary>Anchor of <c>SharedResource.resx</c> (English) and <c>SharedResource.fr.resx</c>: every text of the web application.</summary>
public sealed class SharedResource;
