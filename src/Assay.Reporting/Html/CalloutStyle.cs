namespace Assay.Reporting.Html;

internal static class CalloutStyle
{
    public static string Css(CalloutKind kind) => kind switch
    {
        CalloutKind.Ok => "ok",
        CalloutKind.Warn => "warn",
        CalloutKind.Fail => "fail",
        _ => "info",
    };

    public static string Word(CalloutKind kind) => kind switch
    {
        CalloutKind.Ok => "OK",
        CalloutKind.Warn => "Warning",
        CalloutKind.Fail => "Fail",
        _ => "Note",
    };

    public static string Symbol(CalloutKind kind) => kind switch
    {
        CalloutKind.Ok => "✓",
        CalloutKind.Warn => "!",
        CalloutKind.Fail => "✗",
        _ => "i",
    };
}
