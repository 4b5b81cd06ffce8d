namespace Softswitch.Api.Vos;

/// <summary>GetPhoneCard answer (001_… §3.84).</summary>
public sealed record GetPhoneCardResponse : VosResponse
{
    public InfoPhoneCard? InfoPhoneCard { get; init; }
}
