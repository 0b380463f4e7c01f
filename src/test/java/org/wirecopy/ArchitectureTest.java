package org.wirecopy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The architecture rules, checked on the compiled classes with ArchUnit: which package may use which, that the
 * library neither prints nor exits, that the packages no application uses directly keep public only what another
 * package needs ("public means promised", STYLE.md habit 17), and, from the sources, that every public type says
 * whether it is thread-safe (habit 11).
 */
class ArchitectureTest {

    /** The library's classes and the tests: a member a test of another package calls must stay public. */
    private static final JavaClasses WITH_TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.wirecopy");

    /** The library's own classes, without the tests. */
    private static final JavaClasses MAIN = WITH_TESTS.that(DescribedPredicate.describe("are not tests",
            ArchitectureTest::isMain));

    /** The packages of the library proper; the front ends (CLI, server, Spark, studies, matching) sit on top. */
    private static final String[] LIBRARY = {"org.wirecopy", "org.wirecopy.classify", "org.wirecopy.text",
        "org.wirecopy.features", "org.wirecopy.network..", "org.wirecopy.model", "org.wirecopy.corpus",
        "org.wirecopy.eval..", "org.wirecopy.train", "org.wirecopy.io", "org.wirecopy.baseline"};

    /**
     * Packages no application is meant to call (their types are reached through the API packages or the command
     * line): every public type and member here is used from another package. Not {@code org.wirecopy.eval.report}:
     * researchers call its plots from their own code (notebooks/java-tour.ipynb draws them).
     */
    private static final Set<String> INTERNAL = Set.of("org.wirecopy.network", "org.wirecopy.network.internal",
            "org.wirecopy.features", "org.wirecopy.io", "org.wirecopy.study",
            "org.wirecopy.cli", "org.wirecopy.match.cli", "org.wirecopy.distill", "org.wirecopy.baseline");

    /**
     * API packages that run on the class path only, so the module does not export them: Spark (provided by the
     * cluster), the HTTP server (Javalin, optional) and the sentence encoders (ONNX Runtime, optional; the library
     * finds them through ServiceLoader) are not modules the descriptor can require.
     */
    private static final Set<String> CLASS_PATH_ONLY = Set.of("org.wirecopy.spark", "org.wirecopy.serve",
            "org.wirecopy.encoder");

    /** The command-line entry points, the only classes that print to stdout/stderr or exit. */
    private static final String ENTRY_POINTS =
            "org\\.wirecopy\\.(cli\\.WirecopyCli|spark\\.WirecopyJob|distill\\.Distill)(\\$.*)?";

    /** A type's declaration line: indentation, modifiers, kind, name. */
    private static final Pattern DECLARATION = Pattern.compile("^(\\s*)((?:(?:public|protected|private|static|final|"
            + "abstract|sealed|non-sealed|strictfp)\\s+)*)(class|interface|enum|record|@interface)\\s+(\\w+)");
    private static final Pattern THREAD = Pattern.compile("thread", Pattern.CASE_INSENSITIVE);

    @Test
    void onlyTheNetworkAndTrainingUseTheInternalNetworkPackage() {
        assertTrue(MAIN.size() > 150, "only " + MAIN.size() + " classes imported");
        noClasses().that().resideOutsideOfPackages("org.wirecopy.network..", "org.wirecopy.train")
                .should().dependOnClassesThat().resideInAPackage("org.wirecopy.network.internal..")
                .because("network.internal holds the Deeplearning4j code, which only training needs")
                .check(MAIN);
    }

    @Test
    void deeplearning4jAndNd4jStayInTheInternalNetworkPackage() {
        noClasses().that().resideOutsideOfPackage("org.wirecopy.network.internal")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
                .because("an app that only classifies runs without DL4J/ND4J (README, FootprintTest)")
                .check(MAIN);
    }

    @Test
    void theLibraryNeverUsesItsFrontEnds() {
        noClasses().that().resideInAnyPackage(LIBRARY)
                .should().dependOnClassesThat().resideInAnyPackage("org.wirecopy.cli..", "org.wirecopy.serve..",
                        "org.wirecopy.spark..", "org.wirecopy.study..", "org.wirecopy.match..",
                        "org.wirecopy.distill..", "org.wirecopy.encoder..")
                .because("the command line, the server, Spark, studies, matching, the distiller and the sentence "
                        + "encoders use the library and are never used by it")
                .check(MAIN);
    }

    @Test
    void nothingButTheEncodersUsesTheirPackage() {
        noClasses().that().resideOutsideOfPackage("org.wirecopy.encoder")
                .should().dependOnClassesThat().resideInAPackage("org.wirecopy.encoder..")
                .because("the library finds sentence encoders through SentenceEncoder.Provider and ServiceLoader, so "
                        + "an app that classifies with a model without an encoder never loads them")
                .check(MAIN);
    }

    @Test
    void onnxRuntimeStaysInTheEncodersAndTheDistiller() {
        noClasses().that().resideOutsideOfPackages("org.wirecopy.encoder", "org.wirecopy.distill")
                .should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..", "dev.langchain4j..", "ai.djl..")
                .because("ONNX Runtime and the MiniLM jar are optional: only accurate mode (--encoder) and the "
                        + "distiller need them")
                .check(MAIN);
    }

    @Test
    void nothingOutsideTheSparkPackageUsesItOrSpark() {
        noClasses().that().resideOutsideOfPackage("org.wirecopy.spark")
                .should().dependOnClassesThat().resideInAnyPackage("org.wirecopy.spark..", "org.apache.spark..",
                        "scala..")
                .because("Spark is a provided dependency: the library and the CLI must run without it")
                .check(MAIN);
    }

    @Test
    void onlyTheCommandLineEntryPointsPrintOrExit() {
        noClasses().that().haveNameNotMatching(ENTRY_POINTS)
                .should(ACCESS_STANDARD_STREAMS)
                .orShould().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .because("the library logs and returns objects; only a command line prints or exits")
                .check(MAIN);
    }

    @Test
    void publicTypesOfInternalPackagesAreUsedFromAnotherPackage() {
        Set<String> api = apiTypes();
        Set<String> inSignatures = new HashSet<>();
        for (JavaClass c : internalPublicTypes()) {
            for (JavaMember m : c.getMembers()) {
                if (m.getModifiers().contains(JavaModifier.PUBLIC) && usedFromAnotherPackage(m)) {
                    signatureTypes(m).forEach(t -> inSignatures.add(t.getName()));
                }
            }
        }
        List<String> unused = new ArrayList<>();
        for (JavaClass c : internalPublicTypes()) {
            String name = c.getName();
            if (isEntryPoint(c) || api.contains(name) || inSignatures.contains(name) || onlyConstants(c)) continue;
            boolean used = c.getDirectDependenciesToSelf().stream()
                    .anyMatch(d -> !d.getOriginClass().getPackageName().equals(c.getPackageName()));
            if (!used) unused.add(c.getName());
        }
        assertEquals(List.of(), unused, "public types that no other package uses: make them package-private");
    }

    @Test
    void publicMembersOfInternalPackagesAreUsedFromAnotherPackage() {
        Set<String> api = apiTypes();
        List<String> unused = new ArrayList<>();
        for (JavaClass c : internalPublicTypes()) {
            if (api.contains(c.getName())) continue;
            for (JavaMember m : c.getMembers()) {
                if (!m.getModifiers().contains(JavaModifier.PUBLIC) || contract(c, m)) continue;
                if (!usedFromAnotherPackage(m)) unused.add(m.getFullName());
            }
        }
        assertEquals(List.of(), unused, "public members that no other package uses: make them package-private");
    }

    @Test
    void everyPublicTypeSaysWhetherItIsThreadSafe() throws IOException {
        Path main = TestData.root().resolve("src/main/java");
        Set<String> declared = new TreeSet<>();
        List<String> silent = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.getFileName().toString().equals("package-info.java")) continue;
                String pkg = main.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), ".");
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                Deque<Declared> enclosing = new ArrayDeque<>();
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = DECLARATION.matcher(lines.get(i));
                    if (!m.find()) continue;
                    int indent = m.group(1).length();
                    while (!enclosing.isEmpty() && enclosing.peek().indent() >= indent) enclosing.pop();
                    List<String> modifiers = List.of(m.group(2).trim().split("\\s+"));
                    Declared outer = enclosing.peek();
                    boolean open = outer == null ? modifiers.contains("public")
                            : outer.open() && (modifiers.contains("public")
                            || (outer.isInterface() && !modifiers.contains("private")));
                    String name = (outer == null ? pkg + "." : outer.name() + "$") + m.group(4);
                    enclosing.push(new Declared(indent, open, name, m.group(3).contains("interface")));
                    if (!open) continue;
                    declared.add(name);
                    if (!THREAD.matcher(javadocBefore(lines, i)).find()) silent.add(name);
                }
            }
        }
        Set<String> compiled = new TreeSet<>();
        for (JavaClass c : MAIN) {
            if (effectivelyPublic(c) && !c.isAnonymousClass()) compiled.add(c.getName());
        }
        assertEquals(compiled, declared, "the source scan must find every public type the compiler made");
        assertEquals(List.of(), silent, "public types whose Javadoc does not say whether they are thread-safe "
                + "(STYLE.md habit 11)");
    }

    /**
     * STYLE.md habit 17: the module descriptor (src/main/module/module-info.java) exports exactly the packages of the types an application meets (the
     * API packages and the packages their public signatures name), so nothing else is promised on the module path.
     */
    @Test
    void theModuleExportsTheApiPackagesAndNoOther() throws IOException {
        // the descriptor is compiled into the jar after the tests (pom.xml); FootprintTest compiles and runs it
        String source = Files.readString(TestData.root().resolve("src/main/module/module-info.java"),
                StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        assertTrue(source.contains("module org.wirecopy {"), source);
        Set<String> exported = new TreeSet<>();
        Matcher m = Pattern.compile("\\bexports\\s+([\\w.]+)\\s*(to\\b)?").matcher(source);
        while (m.find()) {
            assertTrue(m.group(2) == null, "qualified export of " + m.group(1));
            exported.add(m.group(1));
        }
        Set<String> api = new TreeSet<>();
        Set<String> types = apiTypes(CLASS_PATH_ONLY);
        for (JavaClass c : MAIN) {
            if (types.contains(c.getName())) api.add(c.getPackageName());
        }
        assertEquals(api, exported, "the packages module-info.java exports");
    }

    /** A type declared in a source file: its indentation, whether it is effectively public, its binary name. */
    private record Declared(int indent, boolean open, String name, boolean isInterface) {
    }

    /** The Javadoc comment that ends just above line {@code i}, annotations between them skipped; empty if none. */
    private static String javadocBefore(List<String> lines, int i) {
        int end = i - 1;
        while (end >= 0 && !lines.get(end).strip().endsWith("*/")) {
            String l = lines.get(end).strip();
            if (l.endsWith(";") || l.endsWith("{") || l.endsWith("}")) return "";
            end--;
        }
        int start = end;
        while (start >= 0 && !lines.get(start).contains("/**")) start--;
        return start < 0 ? "" : String.join("\n", lines.subList(start, end + 1));
    }

    /** The effectively public classes of the internal packages. */
    private static List<JavaClass> internalPublicTypes() {
        List<JavaClass> out = new ArrayList<>();
        for (JavaClass c : WITH_TESTS) {
            if (isMain(c) && INTERNAL.contains(c.getPackageName()) && effectivelyPublic(c)) out.add(c);
        }
        assertTrue(out.size() > 30, "only " + out.size() + " public types in the internal packages");
        return out;
    }

    /**
     * The types an application meets: the public types of the API packages and, transitively, every type in the
     * signature of their public members (a model's {@code NetworkWeights}, its {@code Tensor}s). Their public members
     * are promised even when no class of the library calls them.
     */
    private static Set<String> apiTypes() {
        return apiTypes(Set.of());
    }

    /** {@link #apiTypes()} reached from the API packages but {@code skipped}. */
    private static Set<String> apiTypes(Set<String> skipped) {
        Set<String> seen = new HashSet<>();
        Deque<JavaClass> todo = new ArrayDeque<>();
        for (JavaClass c : MAIN) {
            String p = c.getPackageName();
            if (!INTERNAL.contains(p) && !skipped.contains(p) && effectivelyPublic(c)) todo.add(c);
        }
        while (!todo.isEmpty()) {
            JavaClass c = todo.poll();
            if (!seen.add(c.getName())) continue;
            for (JavaMember m : c.getMembers()) {
                if (!m.getModifiers().contains(JavaModifier.PUBLIC)) continue;
                for (JavaClass t : signatureTypes(m)) {
                    if (t.getPackageName().startsWith("org.wirecopy") && effectivelyPublic(t)) todo.add(t);
                }
            }
        }
        return seen;
    }

    /** The classes a member's signature names: its type, parameters and return type, type arguments included. */
    private static Set<JavaClass> signatureTypes(JavaMember m) {
        Set<JavaClass> out = new HashSet<>();
        if (m instanceof JavaField f) {
            out.addAll(f.getType().getAllInvolvedRawTypes());
        } else {
            JavaCodeUnit u = (JavaCodeUnit) m;
            out.addAll(u.getReturnType().getAllInvolvedRawTypes());
            u.getParameterTypes().forEach(t -> out.addAll(t.getAllInvolvedRawTypes()));
        }
        return out;
    }

    private static boolean usedFromAnotherPackage(JavaMember m) {
        String own = m.getOwner().getPackageName();
        return m.getAccessesToSelf().stream().anyMatch(a -> !a.getOriginOwner().getPackageName().equals(own));
    }

    /** Whether every public member is a constant the compiler inlines, so that no class file records a use. */
    private static boolean onlyConstants(JavaClass c) {
        return c.getMembers().stream().filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                .allMatch(m -> m instanceof JavaField f && inlinedConstant(f));
    }

    private static boolean inlinedConstant(JavaField f) {
        return f.getModifiers().containsAll(Set.of(JavaModifier.STATIC, JavaModifier.FINAL))
                && (f.getRawType().isPrimitive() || f.getRawType().isEquivalentTo(String.class));
    }

    private static boolean isMain(JavaClass c) {
        return c.getSource().map(s -> !s.getUri().toString().contains("/test-classes/")).orElse(false);
    }

    private static boolean effectivelyPublic(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) return false;
        }
        return true;
    }

    private static boolean isEntryPoint(JavaClass c) {
        return c.tryGetMethod("main", String[].class).map(m -> m.getModifiers().contains(JavaModifier.STATIC))
                .orElse(false);
    }

    /**
     * Whether a member is public because the language or a supertype says so, or because no class file records its
     * use: an override, a record's accessor or canonical constructor, an enum's constants and methods, a constant
     * the compiler inlines, a {@code main} method, a synthetic member.
     */
    private static boolean contract(JavaClass c, JavaMember m) {
        Class<?> type = c.reflect();
        if (m.getModifiers().contains(JavaModifier.SYNTHETIC) || m.getModifiers().contains(JavaModifier.BRIDGE)) {
            return true;
        }
        if (m instanceof JavaField f) return inlinedConstant(f) || f.getModifiers().contains(JavaModifier.ENUM);
        JavaCodeUnit u = (JavaCodeUnit) m;
        if (u.getModifiers().contains(JavaModifier.ABSTRACT)) return true;
        Class<?>[] params = u.getRawParameterTypes().stream().map(JavaClass::reflect).toArray(Class<?>[]::new);
        if (u.isConstructor() && params.length == 0 && c.isAnnotatedWith("picocli.CommandLine$Command")) return true;
        if (u.getName().equals("main") && u.getModifiers().contains(JavaModifier.STATIC)) return true;
        if (type.isEnum() && (u.getName().equals("values") || u.getName().equals("valueOf"))) return true;
        if (type.isRecord()) {
            RecordComponent[] rc = type.getRecordComponents();
            Class<?>[] components = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
            if (u.isConstructor() && Arrays.equals(params, components)) return true;
            if (params.length == 0 && Arrays.stream(rc).anyMatch(r -> r.getName().equals(u.getName()))) return true;
        }
        return !u.isConstructor() && overrides(type, u.getName(), params);
    }

    private static boolean overrides(Class<?> type, String name, Class<?>[] params) {
        Deque<Class<?>> todo = new ArrayDeque<>();
        if (type.getSuperclass() != null) todo.add(type.getSuperclass());
        todo.addAll(Arrays.asList(type.getInterfaces()));
        while (!todo.isEmpty()) {
            Class<?> s = todo.poll();
            for (Method method : s.getDeclaredMethods()) {
                if (method.getName().equals(name) && Arrays.equals(method.getParameterTypes(), params)) return true;
            }
            if (s.getSuperclass() != null) todo.add(s.getSuperclass());
            todo.addAll(Arrays.asList(s.getInterfaces()));
        }
        return false;
    }
}
