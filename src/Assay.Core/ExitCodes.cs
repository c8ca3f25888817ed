namespace Assay;

/// <summary>Process exit codes that scripts can rely on. Documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>Something unexpected failed inside Assay (a bug): the message says what.</summary>
    public const int InternalError = 1;

    /// <summary>The command line, a file or a setting is wrong: the message names it and what to do.</summary>
    public const int BadInput = 2;

    /// <summary>A study ran with <c>--gate</c> and no candidate met the decision criteria.</summary>
    public const int GateFailed = 3;

    /// <summary>A model service could not be reached or kept failing after every retry.</summary>
    public const int ModelUnavailable = 4;

    /// <summary>A required local resource (a model file, a tool such as pdftotext) is missing: run the setup it names.</summary>
    public const int SetupMissing = 5;

    /// <summary>The run was cancelled (Ctrl-C); finished work is kept and <c>--resume</c> continues it.</summary>
    public const int Cancelled = 130;
}
