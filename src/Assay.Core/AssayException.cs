namespace Assay;

/// <summary>
/// An error the user can act on. Its message is one line that names the file, row, field or
/// setting at fault and says what to do; the command line prints it without a stack trace
/// and exits with <see cref="ExitCode"/>.
/// </summary>
public class AssayException : Exception
{
    public AssayException(string message, int exitCode = ExitCodes.BadInput, Exception? inner = null)
        : base(message, inner) => ExitCode = exitCode;

    public AssayException()
        : this("Assay failed.")
    {
    }

    public AssayException(string message)
        : this(message, ExitCodes.BadInput)
    {
    }

    public AssayException(string message, Exception inner)
        : this(message, ExitCodes.BadInput, inner)
    {
    }

    public int ExitCode { get; }
}
