namespace Athar.Documents;

/// <summary>A labelled value printed on a document, e.g. organisation, hours, licence number, issue date.</summary>
/// <param name="Label">What the value is.</param>
/// <param name="Value">The value, already formatted for each language (dates in both calendars, digits as wanted).</param>
public sealed record DocumentFact(BilingualText Label, BilingualText Value);
