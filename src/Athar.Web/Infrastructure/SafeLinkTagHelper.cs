using Athar.Core.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Athar.Web.Infrastructure;

/// <summary>
/// <c>&lt;a athar-external-href="@org.Website"&gt;</c>: a link to another site only when <see cref="SafeLinks"/>
/// accepts the address, opened in a new tab without handing it this page; otherwise a plain <c>span</c>, so a
/// stored <c>javascript:</c> address shows as text and never runs.
/// </summary>
[HtmlTargetElement("a", Attributes = AttributeName)]
public sealed class SafeLinkTagHelper : TagHelper
{
    private const string AttributeName = "athar-external-href";

    [HtmlAttributeName(AttributeName)]
    public string? Address { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (SafeLinks.ExternalHref(Address) is { } href)
        {
            output.Attributes.SetAttribute("href", href);
            output.Attributes.SetAttribute("rel", "noopener noreferrer nofollow");
            output.Attributes.SetAttribute("target", "_blank");
            return;
        }
        output.TagName = "span";
        output.Attributes.RemoveAll("href");
        output.Attributes.RemoveAll("rel");
        output.Attributes.RemoveAll("target");
    }
}
