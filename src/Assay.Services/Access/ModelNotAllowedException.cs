namespace Assay.Services.Access;

/// <summary>A tenant asked for a model the server does not allow it (HTTP 403; exit code 2 on the command line).</summary>
public sealed class ModelNotAllowedException(string message) : AssayException(message, ExitCodes.BadInput);
