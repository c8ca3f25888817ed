namespace Assay.Tabular;

/// <summary>What a reader does with a row it cannot trust: stop (the default) or leave it out and list it.</summary>
public enum BadRows
{
    /// <summary>Stop with an error naming file, line and column (exit 2).</summary>
    Fail,

    /// <summary>Leave the row out and list it in <see cref="TabularTable.Skipped"/>.</summary>
    Skip,
}

/// <summary>A row left out with <see cref="BadRows.Skip"/>: where it starts and what was wrong.</summary>
public sealed record SkippedRow(int Line, string Problem);

/// <summary>A bad row or value: its message names file, line and column; <see cref="Line"/> says which row to skip.</summary>
public sealed class BadRowException : AssayException
{
    public BadRowException(string message, int line, int column = 0)
        : base(message) => (Line, Column) = (line, column);

    public BadRowException()
        : this("bad row", 0)
    {
    }

    public BadRowException(string message)
        : this(message, 0)
    {
    }

    public BadRowException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>1-based line of the file where the problem is.</summary>
    public int Line { get; }

    /// <summary>1-based column (field number in a CSV, character in a JSON line); 0 when not known.</summary>
    public int Column { get; }
}
