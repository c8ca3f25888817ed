using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Assay.Web.Hosting;

/// <summary>
/// Marks an object's properties as <c>required</c> in the OpenAPI document when a client must
/// send them or can count on them: C# <c>required</c> members and <c>[JsonRequired]</c>, and
/// record constructor parameters that are not nullable and have no default. Generated clients
/// then make those fields non-optional, as the API treats them.
/// </summary>
internal sealed class RequiredPropertiesTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo;
        if (context.JsonPropertyInfo is not null || type.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        foreach (var property in type.Properties)
        {
            var mustHave = property.IsRequired
                || property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false };
            if (mustHave && properties.ContainsKey(property.Name))
            {
                (schema.Required ??= new HashSet<string>(StringComparer.Ordinal)).Add(property.Name);
            }
        }

        return Task.CompletedTask;
    }
}
