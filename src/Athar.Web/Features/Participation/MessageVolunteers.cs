using Athar.Core.Applications;
using Athar.Core.Common;
using Athar.Data;
using Athar.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Participation;

/// <summary>An organisation writes to the accepted volunteers of an opportunity (or one shift): in-app, e-mail and SMS.</summary>
public sealed class MessageVolunteers(AtharDbContext db, Notifier notifier, Outbox outbox)
{
    public const int MaxLength = 1000;

    public async Task<(int Sent, Refusal? Refusal)> SendAsync(Guid opportunityId, Guid? shiftId, string? text, CancellationToken cancellationToken = default)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || TextRules.HasMarkupOrControl(text))
            return (0, new Refusal("message-invalid"));
        var recipients = await (
                from a in db.Applications.AsNoTracking()
                join u in db.Users on a.VolunteerId equals u.Id
                where a.OpportunityId == opportunityId && a.Status == ApplicationStatus.Accepted && (shiftId == null || a.ShiftId == shiftId)
                select new { a.VolunteerId, u.PhoneNumber })
            .Distinct()
            .ToListAsync(cancellationToken);
        var title = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => o.Title).FirstAsync(cancellationToken);
        foreach (var r in recipients)
        {
            await notifier.NotifyAsync(r.VolunteerId, "OrganizationMessage", $"/opportunities/{opportunityId}", Notifier.Bilingual(title), text);
            if (r.PhoneNumber is not null)
                outbox.Sms(r.PhoneNumber, $"{title.Ar}: {text}", r.VolunteerId);
        }
        await db.SaveChangesAsync(cancellationToken);
        return (recipients.Count, null);
    }
}
