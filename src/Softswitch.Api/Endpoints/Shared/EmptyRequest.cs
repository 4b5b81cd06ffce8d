namespace Softswitch.Api.Endpoints.Shared;

/// <summary>Body of an interface that takes no fields (GetAllPhoneOnline, 001_… §3.83): anything is ignored.</summary>
public sealed record EmptyRequest;
