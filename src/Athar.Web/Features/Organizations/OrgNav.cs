namespace Athar.Web.Features.Organizations;

/// <summary>The staff pages' tabs for one organisation; opportunities and dashboard pages belong to their own features.</summary>
public sealed record OrgNav(Guid Id, bool Verified, string Active);
