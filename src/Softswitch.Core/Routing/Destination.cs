namespace Softswitch.Core.Routing;

/// <summary>Where an attempt's INVITE goes.</summary>
internal readonly record struct Destination(string Ip, int Port, AttemptTransport Transport);
