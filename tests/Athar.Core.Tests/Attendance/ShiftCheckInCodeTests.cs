using Athar.Core.Attendance;
using Athar.Core.Common;
using static Athar.Core.Tests.Common.TestSigningKeys;

namespace Athar.Core.Tests.Attendance;

public class ShiftCheckInCodeTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(120);
    private static readonly Guid Shift = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 30, TimeSpan.Zero);

    [Fact]
    public void ACodeMadeJustBeforeARotation_ChecksInAfterIt_UntilItsWindowPasses()
    {
        var beforeIds = new ShiftCheckInCode(new SigningKeyRing(Unnamed, []), Window).Issue(Shift, Now);
        var underFirst = new ShiftCheckInCode(new SigningKeyRing(First, [Unnamed]), Window).Issue(Shift, Now);
        var rotated = new ShiftCheckInCode(new SigningKeyRing(Second, [First, Unnamed]), Window);

        Assert.DoesNotContain('.', beforeIds);
        Assert.StartsWith("k1.", underFirst, StringComparison.Ordinal);
        Assert.StartsWith("k2.", rotated.Issue(Shift, Now), StringComparison.Ordinal);
        Assert.True(rotated.IsValid(Shift, beforeIds, Now + TimeSpan.FromSeconds(60)));
        Assert.True(rotated.IsValid(Shift, underFirst, Now + TimeSpan.FromSeconds(60)));
        Assert.False(rotated.IsValid(Shift, underFirst, Now + 2 * Window));
    }

    [Fact]
    public void ARetiredKeysCode_AndATamperedKeyId_AreRefused()
    {
        var underFirst = new ShiftCheckInCode(new SigningKeyRing(First, []), Window).Issue(Shift, Now);
        var mac = KeyIdTag.Split(underFirst).Mac;
        var rotated = new ShiftCheckInCode(new SigningKeyRing(Second, []), Window);

        Assert.False(rotated.IsValid(Shift, underFirst, Now));
        Assert.False(rotated.IsValid(Shift, "k2." + mac, Now));
        Assert.False(rotated.IsValid(Shift, mac, Now));
        Assert.True(new ShiftCheckInCode(new SigningKeyRing(Second, [First]), Window).IsValid(Shift, underFirst, Now));
    }
}
