using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Assay.Web.Hosting;

/// <summary>
/// Lists an enum's values (camelCase strings, as the API reads and writes them) in the OpenAPI
/// document. The API's own strict enum converter replaces the framework's string-enum converter,
/// from which the document generator would otherwise have taken the values.
/// </summary>
internal sealed class EnumValuesTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!type.IsEnum)
        {
            return Task.CompletedTask;
        }

        schema.Type = JsonSchemaType.String;
        schema.Format = null;
        schema.Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(n))!)];
        return Task.CompletedTask;
    }
}
