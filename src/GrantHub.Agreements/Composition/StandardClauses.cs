namespace GrantHub.Agreements.Composition;

/// <summary>The clauses every GrantHub agreement contains, whatever the grant.</summary>
internal static class StandardClauses
{
    public const string CoreFunding =
        "This Grant is core funding. Each Organisation may use its allocation for any lawful purpose that " +
        "supports its own mission and strategic priorities, including salaries, rent, security, equipment, " +
        "organisational development, reserves, care and well-being of staff, and programme activities of its " +
        "choosing. No activity budget is attached to the Grant, and moving funds between types of cost needs " +
        "no prior approval from the Funder. Grant funds may not be used for anything unlawful, for partisan " +
        "political campaigning, or to benefit any person or entity subject to sanctions that bind the Funder.";

    public const string Safeguarding =
        "Each Organisation maintains a safeguarding policy, proportionate to its size and context, that " +
        "protects its staff, volunteers and the women, girls and communities it works with from sexual " +
        "exploitation, abuse and harassment and from other harm. Each Organisation informs the Funder within " +
        "seven days of becoming aware of a credible safeguarding concern connected to work supported by this " +
        "Grant, describing the steps taken, without identifying survivors unless they have given informed " +
        "consent. The Funder responds in a survivor-centred way and may offer support to handle the concern; " +
        "reporting a concern is not in itself a ground for suspending or ending the Grant.";

    public const string DoNoHarm =
        "The parties recognise that many people in the Organisations are women human rights defenders who " +
        "may be at risk because of their work. No party publishes information, requests visibility or takes " +
        "any action that could increase the risk to an Organisation, its staff, members or communities. An " +
        "Organisation may decline to acknowledge the Funder publicly, use pseudonyms in its reports, and adapt " +
        "its activities, locations or timelines to respond to threats, informing the Funder as soon as it is " +
        "safe to do so. Such adaptations are not a breach of this agreement.";

    public const string DataProtection =
        "The Funder processes personal data about the Organisations and their representatives only to " +
        "administer this Grant and in accordance with applicable data-protection law. It collects no more " +
        "data than it needs, keeps it secure with access limited to the staff who need it, never publishes " +
        "information about an Organisation at risk and removes such information from exports and logs. The " +
        "Funder shares personal data with third parties only where the law requires it and, where lawful, " +
        "tells the Organisation concerned beforehand. Personal data is kept only as long as audit and legal " +
        "obligations require and is then deleted. Each Organisation protects in the same way the personal " +
        "data it collects in work supported by this Grant, in particular data about survivors, participants " +
        "and human rights defenders.";

    public const string SigningParties =
        "Signed by the authorised representatives of the Funder and of the Lead Organisation.";

    public const string PartnersCountersign =
        "Each Partner countersigns this agreement through its own authorised representative.";

    public const string SameVersion =
        "The agreement takes effect when every party has signed the same version; a later version replaces this one, " +
        "and the signatures given to this one no longer count.";

    public const string ElectronicSignature =
        "This agreement may be signed electronically; the version signed is identified by the SHA-256 " +
        "fingerprint of this document.";
}
