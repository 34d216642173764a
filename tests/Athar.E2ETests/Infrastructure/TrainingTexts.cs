namespace Athar.E2ETests.Infrastructure;

/// <summary>The training, licensing and certificates features' own resources (Texts.cs reads the others).</summary>
public static class TrainingTexts
{
    /// <summary>Features/Training/TrainingText(.ar).resx.</summary>
    public static TextSource Training { get; } = new("Athar.Web.Features.Training.TrainingText");

    /// <summary>Features/Licensing/LicensingText(.ar).resx.</summary>
    public static TextSource Licensing { get; } = new("Athar.Web.Features.Licensing.LicensingText");

    /// <summary>Features/Certificates/CertificatesText(.ar).resx.</summary>
    public static TextSource Certificates { get; } = new("Athar.Web.Features.Certificates.CertificatesText");
}
