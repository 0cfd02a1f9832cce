using System.Diagnostics.CodeAnalysis;

// "template" is the word the rendering contract and its callers use for a design name; the keyword clash CA1716
// warns about concerns VB and C++ callers, which this .NET-only codebase has none of.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "C#-only callers; 'template' names a design.",
    Scope = "namespaceanddescendants", Target = "~N:Jobsmith.Core.Documents.Rendering")]
