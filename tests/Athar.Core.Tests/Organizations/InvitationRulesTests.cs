using Athar.Core.Common;
using Athar.Core.Organizations;

namespace Athar.Core.Tests.Organizations;

public class InvitationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("supervisor@example.sa", InvitationChannel.Email, "supervisor@example.sa")]
    [InlineData("  supervisor@example.sa ", InvitationChannel.Email, "supervisor@example.sa")]
    [InlineData("0551234567", InvitationChannel.Sms, "+966551234567")]
    [InlineData("٠٥٥١٢٣٤٥٦٧", InvitationChannel.Sms, "+966551234567")]
    [InlineData("+966 55 123 4567", InvitationChannel.Sms, "+966551234567")]
    public void ParseContact_ReadsAnEmailOrASaudiMobile(string input, InvitationChannel channel, string value)
    {
        var errors = new List<FieldError>();

        var contact = InvitationRules.ParseContact(input, "Contact", errors);

        Assert.Empty(errors);
        Assert.Equal(new InvitationContact(channel, value), contact);
    }

    [Theory]
    [InlineData(null, "Field.Required")]
    [InlineData("  ", "Field.Required")]
    [InlineData("not-an-email@", "Invitation.ContactInvalid")]
    [InlineData("0114567890", "Invitation.ContactInvalid")]
    [InlineData("<script>@x.sa", "Invitation.ContactInvalid")]
    public void ParseContact_RefusesAnythingElse(string? input, string code)
    {
        var errors = new List<FieldError>();

        Assert.Null(InvitationRules.ParseContact(input, "Contact", errors));
        Assert.Equal(new FieldError("Contact", code).Code, Assert.Single(errors).Code);
    }

    [Fact]
    public void StateOf_IsOpenUntilExpiry_AcceptedOnceUsed()
    {
        var expires = Now + InvitationRules.Lifetime;

        Assert.Equal(InvitationState.Open, InvitationRules.StateOf(expires, null, Now));
        Assert.Equal(InvitationState.Open, InvitationRules.StateOf(expires, null, expires.AddTicks(-1)));
        Assert.Equal(InvitationState.Expired, InvitationRules.StateOf(expires, null, expires));
        Assert.Equal(InvitationState.Accepted, InvitationRules.StateOf(expires, Now, expires.AddDays(1)));
        Assert.Equal(TimeSpan.FromDays(7), InvitationRules.Lifetime);
    }

    [Fact]
    public void Token_IsRandomUrlSafe_AndOnlyItsSha256HashIsKept()
    {
        var (token, hash) = InvitationToken.Create();
        var (other, _) = InvitationToken.Create();

        Assert.NotEqual(token, other);
        Assert.True(InvitationToken.LooksValid(token));
        Assert.Equal(43, token.Length);
        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, InvitationToken.Hash(token));
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
        // SHA-256 of "abc", the standard test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", InvitationToken.Hash("abc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("../../etc/passwd")]
    public void Token_LooksValid_RefusesMalformedInput(string? token)
    {
        Assert.False(InvitationToken.LooksValid(token));
        Assert.False(InvitationToken.LooksValid(new string('a', InvitationToken.MaxLength + 1)));
    }
}
