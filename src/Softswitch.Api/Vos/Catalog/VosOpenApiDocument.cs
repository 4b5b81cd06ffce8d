using System.Text.Json;

namespace Softswitch.Api.Vos.Catalog;

/// <summary>
/// /openapi.json (OpenAPI 3.0) written from the catalog, so it lists exactly what is routed. Each interface is a
/// POST with its request schema (required = the manual's M fields), its example, and its answer; "x-vos-section"
/// and "x-vos-extension" carry the manual section and whether the interface is this project's own.
/// </summary>
public static class VosOpenApiDocument
{
    public static byte[] Write(VosEndpointCatalog catalog, string version = "1.0")
    {
        var schemas = new VosJsonSchemaWriter();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("openapi", "3.0.3");
            writer.WriteStartObject("info");
            writer.WriteString("title", "Softswitch VOS3000 management interface");
            writer.WriteString("version", version);
            writer.WriteString("description",
                "POST /external/server/<Name> with a UTF-8 JSON body; retCode 0 is success (VOS3000 Web interface " +
                "manual, 001_… §1). Codes: docs/api-errors.md.");
            writer.WriteEndObject();
            writer.WriteStartObject("paths");
            foreach (var entry in catalog.Entries)
            {
                WritePath(writer, schemas, entry);
            }
            writer.WriteEndObject();
            writer.WriteStartObject("components");
            schemas.WriteComponents(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WritePath(Utf8JsonWriter writer, VosJsonSchemaWriter schemas, VosEndpointEntry entry)
    {
        writer.WriteStartObject(entry.Path);
        writer.WriteStartObject("post");
        writer.WriteString("operationId", entry.Name);
        writer.WriteString("summary", entry.Doc.Summary);
        writer.WriteStartArray("tags");
        writer.WriteStringValue(entry.Doc.Extension ? "extension" : "§" + entry.Doc.Section.Split('.')[0]);
        writer.WriteEndArray();
        writer.WriteString("x-vos-section", entry.Doc.Section);
        writer.WriteBoolean("x-vos-extension", entry.Doc.Extension);

        writer.WriteStartObject("requestBody");
        writer.WriteBoolean("required", true);
        writer.WriteStartObject("content");
        writer.WriteStartObject("application/json");
        writer.WritePropertyName("schema");
        schemas.WriteObject(writer, entry.RequestType, entry.Doc.Mandatory);
        writer.WritePropertyName("example");
        writer.WriteRawValue(entry.Doc.Example);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("responses");
        WriteResponse(writer, schemas, "200", "retCode 0 on success, else a negative code and the exception text",
            entry.Doc.Response ?? typeof(VosResponse));
        WriteResponse(writer, schemas, "401", "bearer token missing or wrong (when api.bearerToken is set)", typeof(VosResponse));
        WriteResponse(writer, schemas, "403", "client address not allowed (001_… §2.1)", typeof(VosResponse));
        writer.WriteEndObject();

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter writer, VosJsonSchemaWriter schemas, string status,
        string description, Type type)
    {
        writer.WriteStartObject(status);
        writer.WriteString("description", description);
        writer.WriteStartObject("content");
        writer.WriteStartObject("application/json");
        writer.WritePropertyName("schema");
        schemas.WriteReference(writer, type);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
