using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Isolation;

/// <summary>
/// TST4006: test code writes a file or creates a folder at a path made only of constants and a shared
/// root (the temp folder, the working directory, the application's base directory, or a relative
/// literal). Any part that is not traceable to those within the method (a Guid, a random name, the
/// test's name, a parameter, a field) keeps the rule silent. A path in the working directory or the
/// output folder is shared only with the tests of the same assembly: it is not reported where those run
/// one at a time (see <see cref="Parallelism"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FixedSharedPathAnalyzer : TestSmellsAnalyzer
{
    private const int MaxDepth = 8;

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST4006);

    private enum Root
    {
        /// <summary>Not traceable to constants and shared roots: the rule stays silent.</summary>
        Unknown,

        /// <summary>An absolute constant path: its author chose the place, the rule does not judge it.</summary>
        Absolute,
        /// <summary>Only relative constants so far: relative to the working directory when it starts the path.</summary>
        Relative,
        Temp,
        WorkingDirectory,
        BaseDirectory,
    }

    private readonly struct PathValue
    {
        public PathValue(Root root, bool hasName)
        {
            Root = root;
            HasName = hasName;
        }

        public Root Root { get; }

        /// <summary>True when a constant file or folder name follows the root (the root alone is not a file of the test).</summary>
        public bool HasName { get; }

        public static PathValue Unknown => new(Root.Unknown, false);
    }

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var compilation = context.Compilation;
        var file = TypeLookup.Find(compilation, "System.IO.File");
        var directory = TypeLookup.Find(compilation, "System.IO.Directory");
        var path = TypeLookup.Find(compilation, "System.IO.Path");
        if (file is null || directory is null || path is null)
        {
            return;
        }

        var parallelism = new Parallelism(model, compilation.Assembly);
        var types = new Types(
            file,
            directory,
            path,
            TypeLookup.Find(compilation, "System.IO.FileStream"),
            TypeLookup.Find(compilation, "System.IO.StreamWriter"),
            TypeLookup.Find(compilation, "System.IO.FileMode"),
            TypeLookup.Find(compilation, "System.IO.FileAccess"),
            TypeLookup.Find(compilation, "System.Environment"),
            TypeLookup.Find(compilation, "System.AppContext"),
            TypeLookup.Find(compilation, "System.AppDomain"));

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (!method.IsStatic || method.ContainingType is not { } type)
                {
                    return;
                }

                IArgumentOperation? target = null;
                if (SymbolEqualityComparer.Default.Equals(type, types.File))
                {
                    target = FileWriteTarget(invocation, types);
                }
                else if (SymbolEqualityComparer.Default.Equals(type, types.Directory) && method.Name == "CreateDirectory")
                {
                    target = Argument(invocation, 0);
                }

                if (target is not null)
                {
                    Check(operationContext, invocation, target, method.ContainingType.Name + "." + method.Name, model, types, parallelism);
                }
            },
            OperationKind.Invocation);

        if (types.FileStream is null && types.StreamWriter is null)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var creation = (IObjectCreationOperation)operationContext.Operation;
                if (creation.Constructor is not { } constructor || creation.Arguments.IsEmpty || constructor.Parameters.IsEmpty
                    || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String)
                {
                    return;
                }

                var type = creation.Type;
                string name;
                if (SymbolEqualityComparer.Default.Equals(type, types.FileStream))
                {
                    if (!FileStreamWrites(creation.Arguments, types))
                    {
                        return;
                    }

                    name = "new FileStream";
                }
                else if (SymbolEqualityComparer.Default.Equals(type, types.StreamWriter))
                {
                    name = "new StreamWriter";
                }
                else
                {
                    return;
                }

                if (Argument(creation.Arguments, 0) is { } target)
                {
                    Check(operationContext, creation, target, name, model, types, parallelism);
                }
            },
            OperationKind.ObjectCreation);
    }

    private static void Check(OperationAnalysisContext context, IOperation call, IArgumentOperation target, string name, TestCodeModel model, Types types, Parallelism parallelism)
    {
        if (target.Value.Type?.SpecialType != SpecialType.System_String
            || !model.IsTestCode(context.ContainingSymbol)
            || ExpressionTrees.IsInExpressionTree(call))
        {
            return;
        }

        // Cheap first pass without locals: most write paths are parameters, fields or unique names.
        if (!MayBeFixed(target.Value, 0))
        {
            return;
        }

        var locals = SingleAssignmentLocals.Of(call);
        var value = Evaluate(target.Value, locals, types, 0);
        if (!value.HasName || value.Root is Root.Unknown or Root.Absolute)
        {
            return;
        }

        // The temp folder is shared with every process on the machine; the working directory and the
        // output folder only with the other tests of this assembly, which cannot collide when they run one at a time.
        if (value.Root != Root.Temp && parallelism.RunsOneAtATime(context.ContainingSymbol))
        {
            return;
        }

        var where = value.Root switch
        {
            Root.Temp => "the temp folder",
            Root.BaseDirectory => "the test's output folder",
            _ => "the working directory",
        };
        context.ReportDiagnostic(Diagnostic.Create(Rules.TST4006, target.Value.Syntax.GetLocation(), name, where));
    }

    /// <summary>
    /// A syntactic-shape pre-check: false when the path is certainly not traceable (a parameter, a
    /// field, a property other than the known roots, a call other than the known ones).
    /// </summary>
    private static bool MayBeFixed(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (operation)
        {
            case { ConstantValue.HasValue: true }:
            case ILocalReferenceOperation:
                return true;
            case IConversionOperation conversion:
                return MayBeFixed(conversion.Operand, depth + 1);
            case IParenthesizedOperation parenthesized:
                return MayBeFixed(parenthesized.Operand, depth + 1);
            case IBinaryOperation binary:
                return MayBeFixed(binary.LeftOperand, depth + 1) && MayBeFixed(binary.RightOperand, depth + 1);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole && !MayBeFixed(hole.Expression, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case IInvocationOperation invocation:
                if (invocation.TargetMethod.Name is not ("Combine" or "Join" or "GetTempPath" or "GetCurrentDirectory"))
                {
                    return false;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (!MayBeFixed(argument.Value, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case IPropertyReferenceOperation property:
                return property.Property.Name is "CurrentDirectory" or "BaseDirectory";
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    if (!MayBeFixed(element, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static PathValue Evaluate(IOperation operation, SingleAssignmentLocals locals, Types types, int depth)
    {
        if (depth > MaxDepth)
        {
            return PathValue.Unknown;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            return Constant(text);
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, locals, types, depth + 1);
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand, locals, types, depth + 1);
            case ILocalReferenceOperation local:
                return locals.ValueOf(local.Local) is { } value && value.Type?.SpecialType == SpecialType.System_String
                    ? Evaluate(value, locals, types, depth + 1)
                    : PathValue.Unknown;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Sequence(new[] { binary.LeftOperand, binary.RightOperand }, isCombine: false, locals, types, depth);
            case IInterpolatedStringOperation interpolated:
                var parts = ImmutableArray.CreateBuilder<IOperation>();
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole)
                    {
                        if (hole.Alignment is not null || hole.FormatString is not null)
                        {
                            return PathValue.Unknown;
                        }

                        parts.Add(hole.Expression);
                    }
                    else if (part is IInterpolatedStringTextOperation textPart)
                    {
                        parts.Add(textPart.Text);
                    }
                }

                return Sequence(parts.ToArray(), isCombine: false, locals, types, depth);
            case IInvocationOperation invocation:
                return EvaluateCall(invocation, locals, types, depth);
            case IPropertyReferenceOperation property:
                return EvaluateProperty(property, types);
            default:
                return PathValue.Unknown;
        }
    }

    private static PathValue EvaluateCall(IInvocationOperation invocation, SingleAssignmentLocals locals, Types types, int depth)
    {
        var method = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Path))
        {
            switch (method.Name)
            {
                case "GetTempPath" when invocation.Arguments.IsEmpty:
                    return new PathValue(Root.Temp, false);
                case "Combine":
                case "Join":
                    var parts = ImmutableArray.CreateBuilder<IOperation>();
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.ParamArray)
                        {
                            if (argument.Value is not IArrayCreationOperation { Initializer: { } initializer })
                            {
                                return PathValue.Unknown;
                            }

                            parts.AddRange(initializer.ElementValues);
                        }
                        else
                        {
                            parts.Add(argument.Value);
                        }
                    }

                    return Sequence(parts.ToArray(), isCombine: true, locals, types, depth);
            }

            return PathValue.Unknown;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Directory)
            && method.Name == "GetCurrentDirectory" && invocation.Arguments.IsEmpty)
        {
            return new PathValue(Root.WorkingDirectory, false);
        }

        return PathValue.Unknown;
    }

    private static PathValue EvaluateProperty(IPropertyReferenceOperation reference, Types types)
    {
        var property = reference.Property;
        var type = property.ContainingType;
        if (property.Name == "CurrentDirectory" && property.IsStatic && SymbolEqualityComparer.Default.Equals(type, types.Environment))
        {
            return new PathValue(Root.WorkingDirectory, false);
        }

        if (property.Name == "BaseDirectory"
            && ((property.IsStatic && SymbolEqualityComparer.Default.Equals(type, types.AppContext))
                || (!property.IsStatic && SymbolEqualityComparer.Default.Equals(type, types.AppDomain)
                    && reference.Instance is IPropertyReferenceOperation { Property: { Name: "CurrentDomain", IsStatic: true } })))
        {
            return new PathValue(Root.BaseDirectory, false);
        }

        return PathValue.Unknown;
    }

    /// <summary>
    /// Parts joined in order (Path.Combine, concatenation, interpolation): the first part decides the
    /// root, the others add names. In Path.Combine an absolute part resets the path: not followed.
    /// </summary>
    private static PathValue Sequence(IOperation[] parts, bool isCombine, SingleAssignmentLocals locals, Types types, int depth)
    {
        if (parts.Length == 0)
        {
            return PathValue.Unknown;
        }

        var head = Evaluate(parts[0], locals, types, depth + 1);
        if (head.Root == Root.Unknown)
        {
            return PathValue.Unknown;
        }

        var hasName = head.HasName;
        for (var i = 1; i < parts.Length; i++)
        {
            var value = Evaluate(parts[i], locals, types, depth + 1);
            switch (value.Root)
            {
                case Root.Relative:
                case Root.Absolute when !isCombine:
                    hasName |= value.HasName;
                    break;
                default:
                    return PathValue.Unknown;
            }
        }

        return new PathValue(head.Root, hasName);
    }

    /// <summary>A constant: absolute, or relative to the working directory (a name part either way).</summary>
    private static PathValue Constant(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return new PathValue(Root.Relative, false);
        }

        var isAbsolute = trimmed[0] is '/' or '\\' or '~' || (trimmed.Length >= 2 && trimmed[1] == ':') || trimmed.Contains("://");
        return new PathValue(isAbsolute ? Root.Absolute : Root.Relative, HasNameCharacter(trimmed));
    }

    private static bool HasNameCharacter(string text)
    {
        foreach (var c in text)
        {
            if (c is not ('/' or '\\' or '.' or ' '))
            {
                return true;
            }
        }

        return false;
    }

    private static IArgumentOperation? FileWriteTarget(IInvocationOperation invocation, Types types)
    {
        switch (invocation.TargetMethod.Name)
        {
            case "WriteAllText":
            case "WriteAllTextAsync":
            case "WriteAllLines":
            case "WriteAllLinesAsync":
            case "WriteAllBytes":
            case "WriteAllBytesAsync":
            case "AppendAllText":
            case "AppendAllTextAsync":
            case "AppendAllLines":
            case "AppendAllLinesAsync":
            case "AppendText":
            case "Create":
            case "CreateText":
            case "OpenWrite":
                return Argument(invocation, 0);
            case "Copy":
            case "Move":
                return Argument(invocation, 1);
            case "Open":
                return FileStreamWrites(invocation.Arguments, types) ? Argument(invocation, 0) : null;
            default:
                return null;
        }
    }

    /// <summary>True when the mode or access argument makes the stream write: a constant mode other than Open, or Write access.</summary>
    private static bool FileStreamWrites(ImmutableArray<IArgumentOperation> arguments, Types types)
    {
        foreach (var argument in arguments)
        {
            var type = argument.Parameter?.Type;
            if (type is null || argument.Value.ConstantValue is not { HasValue: true, Value: int number })
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(type, types.FileMode) && number != 3 /* Open */)
            {
                return true;
            }

            if (SymbolEqualityComparer.Default.Equals(type, types.FileAccess) && (number & 2 /* Write */) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static IArgumentOperation? Argument(IInvocationOperation invocation, int ordinal) => Argument(invocation.Arguments, ordinal);

    private static IArgumentOperation? Argument(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the tests of a member's class run one at a time, read from the attributes the frameworks
    /// define: xUnit (v2, v3) runs classes in parallel unless <c>[assembly: CollectionBehavior(DisableTestParallelization = true)]</c>;
    /// NUnit runs one test at a time unless <c>[Parallelizable]</c> is on the test, its fixture or the assembly
    /// (and <c>[NonParallelizable]</c> is not); MSTest unless <c>[assembly: Parallelize]</c> (and <c>[DoNotParallelize]</c>
    /// is not on the test or class); TUnit runs tests in parallel unless <c>[NotInParallel]</c>. Settings outside
    /// the compilation (xunit.runner.json, RunSettings) are not seen. A class whose framework cannot be told counts as parallel.
    /// </summary>
    private sealed class Parallelism
    {
        private readonly TestCodeModel _model;
        private readonly IAssemblySymbol _assembly;
        private readonly Lazy<AssemblyFlags> _flags;

        public Parallelism(TestCodeModel model, IAssemblySymbol assembly)
        {
            _model = model;
            _assembly = assembly;
            _flags = new Lazy<AssemblyFlags>(ReadAssembly, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        [Flags]
        private enum AssemblyFlags
        {
            None = 0,
            XunitSerial = 1,
            NUnitParallel = 2,
            MSTestParallel = 4,
        }

        public bool RunsOneAtATime(ISymbol member)
        {
            var type = member.ContainingType;
            while (type is not null && type.ContainingType is not null && !_model.IsTestClass(type))
            {
                type = type.ContainingType;
            }

            if (type is null)
            {
                return false;
            }

            var method = member as IMethodSymbol;
            var flags = _flags.Value;
            return TestFrameworkOf.Type(_model, type) switch
            {
                TestFramework.XunitV2 or TestFramework.XunitV3 => (flags & AssemblyFlags.XunitSerial) != 0,
                TestFramework.NUnit => Has(method, type, "NonParallelizableAttribute")
                    || ((flags & AssemblyFlags.NUnitParallel) == 0 && !Has(method, type, "ParallelizableAttribute")),
                TestFramework.MSTest => (flags & AssemblyFlags.MSTestParallel) == 0 || Has(method, type, "DoNotParallelizeAttribute"),
                TestFramework.TUnit => Has(method, type, "NotInParallelAttribute"),
                _ => false,
            };
        }

        /// <summary>True when the method, its class or a base class carries the attribute.</summary>
        private static bool Has(IMethodSymbol? method, INamedTypeSymbol type, string attributeName)
        {
            if (method is not null && HasAttribute(method, attributeName))
            {
                return true;
            }

            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (HasAttribute(current, attributeName))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasAttribute(ISymbol symbol, string attributeName)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == attributeName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when an enum argument's value is the member called <paramref name="name"/>.</summary>
        private static bool IsNamed(TypedConstant argument, string name)
        {
            if (argument.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } type || argument.Value is null)
            {
                return false;
            }

            foreach (var member in type.GetMembers(name))
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, argument.Value))
                {
                    return true;
                }
            }

            return false;
        }

        private AssemblyFlags ReadAssembly()
        {
            var flags = AssemblyFlags.None;
            foreach (var attribute in _assembly.GetAttributes())
            {
                switch (attribute.AttributeClass?.Name)
                {
                    case "CollectionBehaviorAttribute":
                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "DisableTestParallelization" && named.Value.Value is true)
                            {
                                flags |= AssemblyFlags.XunitSerial;
                            }
                        }

                        break;
                    case "ParallelizableAttribute":
                        // ParallelScope.None asks for nothing to run in parallel.
                        if (attribute.ConstructorArguments.Length == 0 || !IsNamed(attribute.ConstructorArguments[0], "None"))
                        {
                            flags |= AssemblyFlags.NUnitParallel;
                        }

                        break;
                    case "ParallelizeAttribute":
                        flags |= AssemblyFlags.MSTestParallel;
                        break;
                }
            }

            return flags;
        }
    }

    private sealed class Types
    {
        public Types(
            INamedTypeSymbol file,
            INamedTypeSymbol directory,
            INamedTypeSymbol path,
            INamedTypeSymbol? fileStream,
            INamedTypeSymbol? streamWriter,
            INamedTypeSymbol? fileMode,
            INamedTypeSymbol? fileAccess,
            INamedTypeSymbol? environment,
            INamedTypeSymbol? appContext,
            INamedTypeSymbol? appDomain)
        {
            File = file;
            Directory = directory;
            Path = path;
            FileStream = fileStream;
            StreamWriter = streamWriter;
            FileMode = fileMode;
            FileAccess = fileAccess;
            Environment = environment;
            AppContext = appContext;
            AppDomain = appDomain;
        }

        public INamedTypeSymbol File { get; }
        public INamedTypeSymbol Directory { get; }
        public INamedTypeSymbol Path { get; }
        public INamedTypeSymbol? FileStream { get; }
        public INamedTypeSymbol? StreamWriter { get; }
        public INamedTypeSymbol? FileMode { get; }
        public INamedTypeSymbol? FileAccess { get; }
        public INamedTypeSymbol? Environment { get; }
        public INamedTypeSymbol? AppContext { get; }
        public INamedTypeSymbol? AppDomain { get; }
    }
}
