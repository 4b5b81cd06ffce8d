namespace Softswitch.Core.Routing;

/// <summary>Where a mapping gateway's callee number is read (sipCalleeE164Domain, 001_… §3.11).</summary>
public enum CalleeNumberSource
{
    To = 0,
    RequestUri = 1,
    Diversion = 2,
}
