using Athar.Core.Certificates;
using Athar.Core.Licensing;

namespace Athar.Core.Tests.Licensing;

public class CrockfordTests
{
    [Theory]
    [InlineData("abcd-efgh-jkmn-pqrs", "ABCDEFGHJKMNPQRS")]
    [InlineData(" o0il 1234 5678 9ABC ", "0011123456789ABC")]
    public void Normalize_ForgivesCaseSeparatorsAndLookAlikes(string typed, string expected)
    {
        Assert.Equal(expected, VerificationCode.Normalize(typed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD-EFGH")]
    [InlineData("ABCD-EFGH-JKMN-PQRU")]
    [InlineData("ABCD-EFGH-JKMN-PQR<")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-T")]
    public void Normalize_RefusesWhatCannotBeACode(string typed)
    {
        Assert.Null(VerificationCode.Normalize(typed));
    }

    [Fact]
    public void New_IsSixteenCrockfordCharacters_AndFormatsInGroupsOfFour()
    {
        var code = VerificationCode.New();
        Assert.Equal(16, code.Length);
        Assert.All(code, c => Assert.Contains(c, Crockford.Alphabet));
        Assert.Matches("^.{4}-.{4}-.{4}-.{4}$", VerificationCode.Format(code));
    }
}
