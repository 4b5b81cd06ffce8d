using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Vos;
using Softswitch.Api.Vos.Access;

namespace Softswitch.Tests.Api.Access;

/// <summary>The access rules as the endpoints apply them (001_… §2.1): status, retCode and challenge.</summary>
public sealed class VosAccessEndpointTests
{
    [Test]
    public async Task ARemoteClientIsRefusedByDefaultWith403AndAccessDenied()
    {
        await using var host = await VosApiHost.StartAsync();

        var (status, body, _) = await SendAsync(host, "POST", "/external/server/GetAllPhoneOnline", IPAddress.Parse("192.0.2.7"));
        var (localStatus, localBody, _) = await SendAsync(host, "POST", "/external/server/GetAllPhoneOnline", IPAddress.Loopback);

        Assert.That(status, Is.EqualTo(403));
        Assert.That(RetCode(body), Is.EqualTo((int)VosRetCode.AccessDenied));
        Assert.That(localStatus, Is.EqualTo(200));
        Assert.That(RetCode(localBody), Is.EqualTo(0));
    }

    [Test]
    public async Task APerInterfaceGrantOpensThatInterfaceOnly()
    {
        await using var host = await VosApiHost.StartAsync(s => s.Configure<VosApiOptions>(o =>
        {
            var rule = new VosAccessRule { Directory = "/external/server/GetAllPhoneOnline" };
            rule.AllowedClients.Add("192.0.2.0/24");
            o.Access.Add(rule);
        }));
        var client = IPAddress.Parse("192.0.2.7");

        var (granted, _, _) = await SendAsync(host, "POST", "/external/server/GetAllPhoneOnline", client);
        var (other, otherBody, _) = await SendAsync(host, "POST", "/external/server/GetPhone", client);
        var (unknown, _, _) = await SendAsync(host, "POST", "/external/server/NoSuchThing", client);
        var (page, _, _) = await SendAsync(host, "GET", "/external/test/server", client);
        var (openApi, _, _) = await SendAsync(host, "GET", "/openapi.json", client);

        Assert.That(granted, Is.EqualTo(200));
        Assert.That(other, Is.EqualTo(403));
        Assert.That(RetCode(otherBody), Is.EqualTo((int)VosRetCode.AccessDenied));
        Assert.That(unknown, Is.EqualTo(403));
        Assert.That(page, Is.EqualTo(403));
        Assert.That(openApi, Is.EqualTo(403));
    }

    [Test]
    public async Task ABearerTokenIsRequiredWhenConfigured()
    {
        const string token = "s3cret-token-for-tests";
        await using var host = await VosApiHost.StartAsync(s => s.Configure<VosApiOptions>(o => o.BearerToken = token));

        var (missing, missingBody, challenge) = await SendAsync(host, "POST", "/external/server/GetAllPhoneOnline", IPAddress.Loopback);
        var (wrong, _, _) = await SendAsync(host, "POST", "/external/server/GetAllPhoneOnline", IPAddress.Loopback, "Bearer nope");
        var (right, rightBody, _) = await SendAsync(host, "POST", "/external/server/GetAllPhoneOnline", IPAddress.Loopback, "Bearer " + token);
        var (page, _, _) = await SendAsync(host, "GET", "/external/test/server", IPAddress.Loopback);

        Assert.That(missing, Is.EqualTo(401));
        Assert.That(challenge, Is.EqualTo("Bearer"));
        Assert.That(RetCode(missingBody), Is.EqualTo((int)VosRetCode.AccessDenied));
        Assert.That(wrong, Is.EqualTo(401));
        Assert.That(right, Is.EqualTo(200));
        Assert.That(RetCode(rightBody), Is.EqualTo(0));
        Assert.That(page, Is.EqualTo(200), "the page holds no data; its requests carry the token");
    }

    private static async Task<(int Status, string Body, string Challenge)> SendAsync(VosApiHost host, string method,
        string path, IPAddress client, string? authorization = null)
    {
        var server = (TestServer)host.Services.GetRequiredService<IServer>();
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = client;
            if (authorization is not null)
            {
                c.Request.Headers.Authorization = authorization;
            }
            if (method == "POST")
            {
                c.Request.ContentType = "application/json";
                c.Request.Body = new MemoryStream("{}"u8.ToArray());
            }
        });
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        return (context.Response.StatusCode, await reader.ReadToEndAsync(), context.Response.Headers.WWWAuthenticate.ToString());
    }

    private static int RetCode(string body) => JsonDocument.Parse(body).RootElement.GetProperty("retCode").GetInt32();
}
