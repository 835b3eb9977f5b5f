namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 code declare <c>init</c> accessors (the catalog entries are built with them).</summary>
internal static class IsExternalInit
{
}
