namespace Assay.FakeServer.Auth;

/// <summary>Why a request's credentials were refused: the error type the real service names, and its message.</summary>
internal sealed record AuthRejection(string ErrorType, string Message);
