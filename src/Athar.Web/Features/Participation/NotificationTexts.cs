using Athar.Data.Notifications;
using Athar.Web.Features.Opportunities;
using Athar.Web.Features.Organizations;
using Athar.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

/// <summary>Renders a stored notification in the current language from its kind ("Notification.&lt;Kind&gt;" in a feature's resources).</summary>
public sealed class NotificationTexts(IStringLocalizerFactory factory)
{
    private readonly IStringLocalizer[] _sources =
    [
        factory.Create(typeof(ParticipationText)),
        factory.Create(typeof(OpportunitiesText)),
        factory.Create(typeof(OrganizationsText)),
        factory.Create(typeof(Teams.TeamsText)),
        factory.Create(typeof(Recognition.RecognitionText)),
        factory.Create(typeof(Privacy.PrivacyText)),
        factory.Create(typeof(SharedResource)),
    ];

    public string Render(Notification notification) =>
        Render(notification.Kind, Notifier.Localize(notification.Arguments.Length == 0 ? [] : notification.Arguments.Split(Notifier.Separator)));

    /// <summary>The text of a kind with its (already localised) arguments, from whichever feature defines it.</summary>
    public string Render(string kind, object[] arguments)
    {
        foreach (var source in _sources)
        {
            var text = source[$"Notification.{kind}", arguments];
            if (!text.ResourceNotFound)
                return text.Value;
        }
        return kind;
    }
}
