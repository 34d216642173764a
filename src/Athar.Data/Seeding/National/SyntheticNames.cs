using System.Text;
using Athar.Core.Accounts;

namespace Athar.Data.Seeding.National;

/// <summary>
/// Arabic personal names made the way Arabic makes words: a three-consonant root poured into a
/// pattern (فاعل، فعيل، مفعول، فعلان…), with an English transliteration built from the same root
/// and pattern. No name list is copied: the roots are drawn from consonants by the seed, so the
/// names are plausible in shape without belonging to anyone.
/// </summary>
public sealed class SyntheticNames
{
    private sealed record Consonant(char Arabic, string Latin);

    // Consonants that sit well in names; hamza and weak letters are left out to keep the patterns regular.
    private static readonly Consonant[] Consonants =
    [
        new('ب', "b"), new('ت', "t"), new('ج', "j"), new('ح', "h"), new('خ', "kh"), new('د', "d"), new('ر', "r"),
        new('ز', "z"), new('س', "s"), new('ش', "sh"), new('ص', "s"), new('ط', "t"), new('ع', "'"), new('غ', "gh"),
        new('ف', "f"), new('ق', "q"), new('ك', "k"), new('ل', "l"), new('م', "m"), new('ن', "n"), new('ه', "h"),
    ];

    /// <summary>A pattern: Arabic with 1/2/3 standing for the root's letters, and the Latin vowels around them.</summary>
    private sealed record Pattern(string Arabic, string Latin);

    private static readonly Pattern[] MalePatterns =
    [
        new("1ا23", "1a2i3"),      // فاعل
        new("12ي3", "1a2ee3"),     // فعيل
        new("م12و3", "ma12oo3"),   // مفعول
        new("123ان", "1a23an"),    // فعلان
        new("12ا3", "1a2a3"),      // فعال
        new("م12ّ3", "mu1a22i3"),  // مفعّل
    ];

    private static readonly Pattern[] FemalePatterns =
    [
        new("12ي3ة", "1a2ee3a"),   // فعيلة
        new("1ا23ة", "1a2i3a"),    // فاعلة
        new("123ى", "1a23a"),      // فعلى (alef maqsura, which the search normaliser must fold)
        new("12ا3", "1a2aa3"),     // فعال
        new("م12و3ة", "ma12oo3a"), // مفعولة
        new("12و3", "1a2oo3"),     // فعول
    ];

    private readonly (int A, int B, int C)[] _roots;

    public SyntheticNames(SyntheticRandom random, int rootCount = 400)
    {
        var roots = new HashSet<(int, int, int)>();
        while (roots.Count < rootCount)
        {
            var a = random.Next(Consonants.Length);
            var b = random.Next(Consonants.Length);
            var c = random.Next(Consonants.Length);
            // Identical neighbours (سسم) make unpronounceable names; Arabic roots avoid them too.
            if (a == b || b == c || Consonants[a].Latin == Consonants[b].Latin || Consonants[b].Latin == Consonants[c].Latin)
                continue;
            roots.Add((a, b, c));
        }
        _roots = [.. roots.Order()];
    }

    public sealed record Name(string Arabic, string English);

    public Name Given(SyntheticRandom random, Gender gender)
    {
        var patterns = gender == Gender.Female ? FemalePatterns : MalePatterns;
        return Apply(random.Pick(_roots), random.Pick(patterns));
    }

    /// <summary>A family name in the nisba form: ال + root + ي (الحربي، Alharbi).</summary>
    public Name Family(SyntheticRandom random)
    {
        var (a, b, c) = random.Pick(_roots);
        var arabic = string.Concat("ال", Consonants[a].Arabic.ToString(), Consonants[b].Arabic.ToString(), Consonants[c].Arabic.ToString(), "ي");
        var latin = "Al" + Latin(a, first: false) + "a" + Latin(b, first: false) + Latin(c, first: false) + "i";
        return new Name(arabic, latin);
    }

    /// <summary>Given name, father's name and family name, as Saudi records write them.</summary>
    public Name Full(SyntheticRandom random, Gender gender)
    {
        var given = Given(random, gender);
        var father = Given(random, Gender.Male);
        var family = Family(random);
        return new Name($"{given.Arabic} {father.Arabic} {family.Arabic}", $"{given.English} {father.English} {family.English}");
    }

    private static Name Apply((int A, int B, int C) root, Pattern pattern)
    {
        int[] letters = [root.A, root.B, root.C];
        var arabic = new StringBuilder();
        foreach (var ch in pattern.Arabic)
            arabic.Append(ch is >= '1' and <= '3' ? Consonants[letters[ch - '1']].Arabic : ch);
        var latin = new StringBuilder();
        foreach (var ch in pattern.Latin)
        {
            if (ch is >= '1' and <= '3')
                latin.Append(Latin(letters[ch - '1'], first: latin.Length == 0));
            else
                latin.Append(ch);
        }
        var english = latin.ToString().Replace("''", "'", StringComparison.Ordinal).Trim('\'');
        return new Name(arabic.ToString(), char.ToUpperInvariant(english[0]) + english[1..]);
    }

    // ع opens a word with its vowel alone (عمر → Umar-like); inside a word it is written with an apostrophe.
    private static string Latin(int consonant, bool first) =>
        first && Consonants[consonant].Arabic == 'ع' ? string.Empty : Consonants[consonant].Latin;
}
