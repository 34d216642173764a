using System.Globalization;

namespace Athar.Documents.Tests;

/// <summary>Realistic sheets: Arabic with both kinds of digits, Hijri and Gregorian dates, parentheses, an em dash.</summary>
internal static class SampleSheets
{
    public const string Url = "https://athar.sa/verify/ATH-2026-000123";
    public const string Code = "ATH-2026-000123";
    public static readonly DateTimeOffset CreatedAt = new(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(3));

    public static readonly BilingualText Issuer = new("أثر — المنصة الوطنية للعمل التطوعي", "Athar — National Volunteering Platform");

    public static CertificateSheet Participation() => new(
        Issuer,
        new BilingualText("شهادة مشاركة تطوعية", "Volunteer Participation Certificate"),
        new BilingualText("تشهد منصة أثر بأن المتطوع", "Athar certifies that the volunteer"),
        new BilingualText("عبدالله بن محمد القحطاني", "Abdullah bin Mohammed Al-Qahtani"),
        [
            Fact("الجهة", "جمعية البر الخيرية (فرع الرياض)", "Organisation", "Al-Birr Charity Society (Riyadh branch)"),
            Fact("نوع العمل", "تنظيم الحشود — موسم رمضان", "Type of work", "Crowd management — Ramadan season"),
            Fact("الفترة", "من ١ رمضان ١٤٤٧ هـ إلى ٢٩ رمضان ١٤٤٧ هـ (18 فبراير – 18 مارس 2026)", "Period", "18 February – 18 March 2026 (1–29 Ramadan 1447 AH)"),
            Fact("ساعات التطوع", "١٢٠ ساعة", "Volunteer hours", "120 hours"),
            Fact("الخبرات المكتسبة", "العمل ضمن فريق، الإسعافات الأولية، إدارة الوقت، والتواصل مع الزوار بلغتين", "Experience gained", "Teamwork, first aid, time management, and communicating with visitors in two languages"),
            Fact("تاريخ الإصدار", "٥ جمادى الآخرة ١٤٤٨ هـ — 15 نوفمبر 2026", "Issue date", "15 November 2026 — 5 Jumada al-Akhirah 1448 AH"),
        ],
        null,
        Code,
        Url,
        new BilingualText("تحقق من صحة هذه الوثيقة بمسح الرمز", "Verify this document by scanning the code"),
        CreatedAt);

    public static CertificateSheet AnnualStatement(int rows) => Participation() with
    {
        Title = new BilingualText("بيان الساعات التطوعية السنوي ٢٠٢٦", "Annual Volunteer Hours Statement 2026"),
        Facts =
        [
            Fact("السنة", "2026", "Year", "2026"),
            Fact("مجموع الساعات", "٣٬٢٤٠ ساعة", "Total hours", "3,240 hours"),
        ],
        Table = new DocumentTable(
            [
                new BilingualText("م", "#"),
                new BilingualText("الفرصة التطوعية", "Opportunity"),
                new BilingualText("الجهة", "Organisation"),
                new BilingualText("التاريخ", "Date"),
                new BilingualText("الساعات", "Hours"),
            ],
            Enumerable.Range(1, rows).Select(Row).ToList(),
            new BilingualText("المجموع: ٣٬٢٤٠ ساعة", "Total: 3,240 hours")),
    };

    /// <summary>Row <paramref name="n"/> of the annual statement; its hours value is 1000 + n, unique per row.</summary>
    public static IReadOnlyList<BilingualText> Row(int n)
    {
        var number = n.ToString(CultureInfo.InvariantCulture);
        return
        [
            new BilingualText(number, number),
            new BilingualText(n % 3 == 0 ? "توزيع السلال الغذائية في حي النسيم" : "إرشاد الزوار (المسجد الحرام)", n % 3 == 0 ? "Food basket distribution in Al-Naseem" : "Guiding visitors (Grand Mosque)"),
            new BilingualText("جمعية البر", "Al-Birr Society"),
            new BilingualText($"2026-{1 + (n % 12):00}-{1 + (n % 28):00}", $"2026-{1 + (n % 12):00}-{1 + (n % 28):00}"),
            new BilingualText((1000 + n).ToString(CultureInfo.InvariantCulture), (1000 + n).ToString(CultureInfo.InvariantCulture)),
        ];
    }

    public static CardSheet Card() => new(
        Issuer,
        new BilingualText("بطاقة متطوع", "Volunteer Card"),
        new BilingualText("عبدالله بن محمد القحطاني", "Abdullah bin Mohammed Al-Qahtani"),
        [
            Fact("رقم المتطوع", "V-2026-004512", "Volunteer no.", "V-2026-004512"),
            Fact("المنطقة", "منطقة الرياض", "Region", "Riyadh Region"),
            Fact("الرخص السارية", "إسعافات أولية (رخصة ٣٤٥٦) — إدارة حشود", "Active licences", "First aid (licence 3456) — Crowd management"),
            Fact("تاريخ الانتهاء", "٥ جمادى الآخرة ١٤٤٩ هـ", "Expires", "4 November 2027"),
        ],
        Code,
        Url,
        CreatedAt);

    private static DocumentFact Fact(string arabicLabel, string arabicValue, string englishLabel, string englishValue) =>
        new(new BilingualText(arabicLabel, englishLabel), new BilingualText(arabicValue, englishValue));
}
