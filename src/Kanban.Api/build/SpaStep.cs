// An MSBuild task (compiled by RoslynCodeTaskFactory, not part of the app): runs one web step (npm ci,
// npm run build) and says what it is doing where the person who typed the command sees it.
//
// `dotnet run` builds at quiet verbosity, which shows no message, not even a high one, and builds in
// a worker node whose standard output goes nowhere. So the step writes its lines and npm's output
// straight to the terminal (/dev/tty) when there is one; without one (CI, output to a file) it logs
// them instead: the step's lines as high-importance messages (shown by `dotnet build`), npm's output
// as normal ones, and, when npm fails, its last lines in the error, so the reason is never lost.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class SpaStep : Task
{
    // Compiled as C# 7.3 (RoslynCodeTaskFactory targets netstandard2.0): no newer syntax here.
    [Required] public string Text { get; set; }
    [Required] public string Command { get; set; }
    [Required] public string WorkingDirectory { get; set; }

    public override bool Execute()
    {
        var terminal = OpenTerminal();
        try
        {
            return Run(terminal);
        }
        finally
        {
            if (terminal != null) terminal.Dispose();
        }
    }

    private bool Run(StreamWriter terminal)
    {
        Say(terminal, "Kanban: " + Text + " (" + Command + ")...");

        var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        // The commands are ours and hold no quotes; ArgumentList is not in the task's reference set.
        var start = new ProcessStartInfo(windows ? "cmd.exe" : "/bin/sh", (windows ? "/c \"" : "-c \"") + Command + "\"")
        {
            WorkingDirectory = WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var tail = new Queue<string>();
        var gate = new object();
        DataReceivedEventHandler line = (sender, e) =>
        {
            if (e.Data == null) return;
            lock (gate)
            {
                if (terminal != null) terminal.WriteLine(e.Data);
                else Log.LogMessage(MessageImportance.Normal, e.Data);
                tail.Enqueue(e.Data);
                if (tail.Count > 30) tail.Dequeue();
            }
        };

        var clock = Stopwatch.StartNew();
        int exitCode;
        using (var process = new Process { StartInfo = start })
        {
            process.OutputDataReceived += line;
            process.ErrorDataReceived += line;
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            exitCode = process.ExitCode;
        }

        if (exitCode != 0)
        {
            var why = terminal != null ? "its output is above" : "its last lines:" + Environment.NewLine + string.Join(Environment.NewLine, tail);
            Log.LogError("Kanban: " + Command + " failed with exit code " + exitCode + "; " + why);
            return false;
        }

        Say(terminal, "Kanban: " + Text + ": done in " + Math.Round(clock.Elapsed.TotalSeconds) + " s.");
        return true;
    }

    private void Say(StreamWriter terminal, string line)
    {
        if (terminal != null) terminal.WriteLine(line);
        Log.LogMessage(terminal == null ? MessageImportance.High : MessageImportance.Normal, line);
    }

    /// <summary>The terminal the build was started from, or null when there is none.</summary>
    private static StreamWriter OpenTerminal()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return null;
        try
        {
            return new StreamWriter(new FileStream("/dev/tty", FileMode.Open, FileAccess.Write)) { AutoFlush = true };
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
        {
            return null;
        }
    }
}
