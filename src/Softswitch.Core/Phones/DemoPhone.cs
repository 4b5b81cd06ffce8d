namespace Softswitch.Core.Phones;

/// <summary>A demo phone's credentials, for the host to print at start-up; Created is false when it already existed.</summary>
public sealed record DemoPhone(string E164, string Password, string Account, bool Created);
