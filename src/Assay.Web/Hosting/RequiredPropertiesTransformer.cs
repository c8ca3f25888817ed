using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Assay.Web.Hosting;

/// <summary>
/// Marks an object's properties as <c>required</c> in the OpenAPI document when a client must
/// send them or can count on them: C# <c>required</c> members and <c>[JsonRequired]</c>, and
/// record constructor parameters that are not nullable and have no default; nullable or
/// defaulted ones (which the serializer lets a request leave out) are optional. Generated
/// clients then make exactly those fields non-optional.
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

        // The serializer's own IsNullable ignores annotations unless RespectNullableAnnotations is on,
        // so they are read here (a context per schema: it is not thread-safe).
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.Properties)
        {
            if (!properties.ContainsKey(property.Name))
            {
                continue;
            }

            var parameter = property.AssociatedParameter;
            var nullable = parameter?.AttributeProvider is ParameterInfo p ? nullability.Create(p).WriteState == NullabilityState.Nullable
                : property.AttributeProvider is PropertyInfo info ? nullability.Create(info).WriteState == NullabilityState.Nullable
                : (bool?)null;
            var required = schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
            if (property.IsRequired || (parameter is { HasDefaultValue: false } && nullable == false))
            {
                required.Add(property.Name);
            }
            else if (nullable == true || parameter is { HasDefaultValue: true })
            {
                // A nullable or defaulted member may be left out of a request, so it is optional.
                required.Remove(property.Name);
            }
        }

        return Task.CompletedTask;
    }
}
