using System.Text.Json;

namespace Softswitch.Tests.Core.Pushes;

/// <summary>One POST as the test receiver saw it.</summary>
internal sealed record ReceivedPush(string Page, string Key, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
