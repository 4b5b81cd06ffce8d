namespace Softswitch.Core.Calls;

/// <summary>What a transition does besides changing the state (the table's optional action).</summary>
public enum CallAction
{
    None = 0,

    /// <summary>Stamp the connect time: keepTime counts from here (001_… §3.21).</summary>
    StampConnect,

    /// <summary>Stamp the stop time and record the end reason and direction (001_… §3.47 stop, endReason).</summary>
    StampStop,
}
