package org.wirecopy.footprint;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.wirecopy.TestData;
import org.wirecopy.testing.ChildJvm;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What an app that depends on wirecopy gets. A consumer project is written with wirecopy's non-optional, non-test
 * dependencies exactly as pom.xml declares them (versions, classifiers, exclusions), which is what Maven resolves for
 * a project depending on wirecopy; Maven resolves its runtime class path (offline); the test then checks that no test
 * framework is on it, that no Deeplearning4j or ND4J jar is, and that classification runs on it in a child JVM.
 */
class FootprintTest {

    @TempDir
    static Path dir;
    /** The consumer's runtime jars: "group:artifact:type[:classifier]:version:scope" to file. */
    static Map<String, Path> jars;

    @BeforeAll
    static void resolveAConsumersClassPath() throws Exception {
        Path pom = TestData.root().resolve("pom.xml");
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Map<String, String> props = new HashMap<>();
        Node propsNode = d.getElementsByTagName("properties").item(0);
        for (Node n = propsNode.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) props.put(e.getTagName(), e.getTextContent().strip());
        }
        StringBuilder deps = new StringBuilder();
        Element project = d.getDocumentElement();
        Element dependencies = child(project, "dependencies");
        NodeList list = dependencies.getElementsByTagName("dependency");
        for (int i = 0; i < list.getLength(); i++) {
            Element dep = (Element) list.item(i);
            if (dep.getParentNode() != dependencies) continue;
            String scope = text(dep, "scope");
            if ("true".equals(text(dep, "optional")) || "test".equals(scope) || "provided".equals(scope)) continue;
            String xml = nodeXml(dep);
            Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(xml);
            StringBuilder resolved = new StringBuilder();
            while (m.find()) m.appendReplacement(resolved, Matcher.quoteReplacement(props.get(m.group(1))));
            m.appendTail(resolved);
            deps.append(resolved).append('\n');
        }
        Path consumer = dir.resolve("consumer");
        Files.createDirectories(consumer);
        Files.writeString(consumer.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId><artifactId>consumer</artifactId><version>1</version>
                  <dependencies>
                  %s
                  </dependencies>
                </project>
                """.formatted(deps), StandardCharsets.UTF_8);
        Path out = dir.resolve("list.txt");
        List<String> cmd = List.of("mvn", "-o", "-q", "-B", "-f", consumer.resolve("pom.xml").toString(),
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list", "-DincludeScope=runtime",
                "-DoutputAbsoluteArtifactFilename=true", "-DoutputFile=" + out, "-DappendOutput=false");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "mvn is not on the PATH, so a consumer's class path cannot be resolved: " + e);
            return;
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "mvn timed out");
        assertEquals(0, p.exitValue(), "mvn could not resolve the consumer:\n" + log);
        jars = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (!l.contains(":") || l.startsWith("The following")) continue;
            l = l.replaceAll(" -- module .*$", "");
            int sep = l.indexOf(':' + File.separator);
            if (sep < 0) sep = l.lastIndexOf(':');
            String coords = l.substring(0, sep);
            jars.put(coords, Path.of(l.substring(sep + 1).strip()));
        }
        assertTrue(jars.size() >= 4, "too few jars resolved: " + jars + "\n" + log);
    }

    static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) return c;
        }
        throw new IllegalStateException("no <" + name + "> in <" + e.getTagName() + ">");
    }

    static String text(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) return c.getTextContent().strip();
        }
        return null;
    }

    static String nodeXml(Node n) throws Exception {
        var t = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
        var w = new java.io.StringWriter();
        t.transform(new javax.xml.transform.dom.DOMSource(n), new javax.xml.transform.stream.StreamResult(w));
        return w.toString().replace(" xmlns=\"http://maven.apache.org/POM/4.0.0\"", "");
    }

    @Test
    void noTestFrameworkReachesAConsumer() {
        for (String coords : jars.keySet()) {
            String c = coords.toLowerCase(Locale.ROOT);
            assertTrue(!c.contains("junit") && !c.contains("opentest4j") && !c.contains("apiguardian")
                    && !c.contains("hamcrest") && !c.contains("testng"), "a test framework reaches apps: " + coords);
        }
    }

    @Test
    void anAppThatOnlyClassifiesGetsNoTrainingStack() {
        for (String coords : jars.keySet()) {
            assertTrue(!coords.startsWith("org.deeplearning4j:") && !coords.startsWith("org.nd4j:")
                    && !coords.startsWith("org.bytedeco:") && !coords.startsWith("org.knowm.xchart:"),
                    "the training stack reaches apps that only classify: " + coords);
        }
    }

    @Test
    void anAppThatOnlyClassifiesGetsNoSpark() {
        // org.wirecopy.spark's Spark is provided: the cluster brings it, an app never does
        for (String coords : jars.keySet()) {
            assertTrue(!coords.startsWith("org.apache.spark:") && !coords.startsWith("org.scala-lang:")
                    && !coords.startsWith("org.apache.hadoop:"), "Spark reaches apps that only classify: " + coords);
        }
    }

    @Test
    void classificationRunsOnTheConsumersClassPath() throws Exception {
        List<String> keep = new ArrayList<>();
        keep.add(TestData.root().resolve("target/classes").toString());
        keep.add(TestData.root().resolve("target/test-classes").toString());
        for (Path p : jars.values()) keep.add(p.toString());
        long bytes = 0;
        for (Path p : jars.values()) bytes += Files.size(p);
        System.out.printf(Locale.ROOT, "classify-only class path: %d jars, %.1f MB, plus wirecopy%n", jars.size(),
                bytes / 1e6);
        // the child's class path is exactly these entries: no DL4J, ND4J, XChart or picocli
        ChildJvm.Result r = ChildJvm.run("512m", keep::contains, 300, "org.wirecopy.testing.ClassifyMain", "300");
        List<String> childCp = ChildJvm.classPath().stream().filter(keep::contains).toList();
        assertTrue(childCp.stream().noneMatch(e -> e.contains("deeplearning4j") || e.contains("nd4j")), childCp.toString());
        assertEquals(0, r.code(), r.output());
        // the same labels as this JVM, with the whole training stack on its class path, gives
        String expected = org.wirecopy.testing.ClassifyMain.run(300, 0);
        assertTrue(expected.startsWith("ok 300 ") && expected.length() == "ok 300 ".length() + 20, expected);
        assertTrue(r.output().contains(expected), r.output() + " but in process: " + expected);
    }

    /**
     * An app that is a module: wirecopy's module descriptor (src/main/module/module-info.java, which pom.xml compiles
     * into the jar after the tests) is compiled over target/classes against the classify-only jars alone, a consumer
     * module that {@code requires org.wirecopy} is compiled against the result, and both run from the module path in
     * a child JVM (no class path, no {@code --add-modules}): wirecopy is a named module, not an automatic one, it labels
     * an article and a web page (main-content detection: Readability4J and Kotlin) as this JVM does, and a package it
     * does not export cannot be used.
     */
    @Test
    void classificationRunsOnTheModulePath() throws Exception {
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no Java compiler in this JDK (a JRE runs the tests)");
        Path work = dir.resolve("module-path");
        Files.createDirectories(work);
        List<String> modulePath = new ArrayList<>();
        for (Path p : jars.values()) modulePath.add(p.toString());
        String mp = String.join(File.pathSeparator, modulePath);
        Path classes = TestData.root().resolve("target/classes");
        java.io.StringWriter log = new java.io.StringWriter();
        boolean described;
        try (var files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            described = javac.getTask(log, files, null, List.of("-d", work.resolve("descriptor").toString(),
                    "--module-path", mp, "--patch-module", "org.wirecopy=" + classes), null,
                    files.getJavaFileObjects(TestData.root().resolve("src/main/module/module-info.java"))).call();
        }
        assertTrue(described, "module-info.java does not compile against the classify-only jars:\n" + log);
        Path jar = work.resolve("wirecopy.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var files = Files.walk(classes)) {
            out.putNextEntry(new java.util.jar.JarEntry("module-info.class"));
            Files.copy(work.resolve("descriptor/module-info.class"), out);
            out.closeEntry();
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
                if (name.equals("META-INF/MANIFEST.MF") || name.equals("module-info.class")) continue;
                out.putNextEntry(new java.util.jar.JarEntry(name));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        String page = "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>"
                + "<h1>A vote delayed</h1><p>From the AP:</p><blockquote><p>WASHINGTON (AP) - The House delayed a "
                + "vote on Tuesday, officials said. The bill would fund the government through March.</p>"
                + "</blockquote><p>I think this is a mistake, and I said so last week when the leaders met.</p>"
                + "</article><footer>Share this story. Advertisement</footer></body></html>";
        String text = String.join("\n\n", "From the AP:",
                "WASHINGTON (AP) - The House delayed a vote on Tuesday, officials said.", "Advertisement");
        Path src = work.resolve("src/consumer");
        Files.createDirectories(src.resolve("consumer"));
        Files.writeString(src.resolve("module-info.java"), "module consumer { requires org.wirecopy; }\n");
        Files.writeString(src.resolve("consumer/Main.java"), """
                package consumer;
                import org.wirecopy.classify.Classifier;
                public final class Main {
                    public static void main(String[] args) {
                        Classifier c = Classifier.bundled();
                        System.out.println("text " + c.classify(args[0]).paragraphs().stream().map(p -> p.label())
                                .toList());
                        System.out.println("page " + c.classify(args[1]).paragraphs().stream().map(p -> p.label())
                                .toList());
                        Module m = Classifier.class.getModule();
                        System.out.println("module " + m.getName() + " automatic " + m.getDescriptor().isAutomatic());
                    }
                }
                """);
        log = new java.io.StringWriter();
        boolean compiled = javac.getTask(log, null, null, List.of("-d", work.resolve("out").toString(),
                "--module-source-path", work.resolve("src").toString(), "--module-path", jar + File.pathSeparator + mp,
                "--module", "consumer"), null, null).call();
        assertTrue(compiled, "the consumer module does not compile against wirecopy:\n" + log);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "--module-path", String.join(File.pathSeparator, work.resolve("out").toString(),
                        jar.toString(), mp), "--module", "consumer/consumer.Main", text, page));
        Path output = work.resolve("consumer.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS); // bounded even if the child hangs without output
        if (!ended) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, "the consumer did not finish in 120 s:\n" + out);
        assertEquals(0, p.exitValue(), out);
        var in = org.wirecopy.classify.Classifier.bundled();
        List<String> textLabels = in.classify(text).paragraphs().stream().map(x -> x.label()).toList();
        List<String> pageLabels = in.classify(page).paragraphs().stream().map(x -> x.label()).toList();
        assertTrue(pageLabels.contains("BOILERPLATE") && pageLabels.contains("REPORTING"), pageLabels.toString());
        assertTrue(out.contains("text " + textLabels + "\n"), out + " but in process: " + textLabels);
        assertTrue(out.contains("page " + pageLabels + "\n"), out + " but in process: " + pageLabels);
        assertTrue(out.contains("module org.wirecopy automatic false"), out);
        // what the module does not export stays out of reach
        Path sneaky = work.resolve("src2/sneaky");
        Files.createDirectories(sneaky.resolve("sneaky"));
        Files.writeString(sneaky.resolve("module-info.java"), "module sneaky { requires org.wirecopy; }\n");
        Files.writeString(sneaky.resolve("sneaky/Main.java"), """
                package sneaky;
                public final class Main {
                    public static void main(String[] args) throws Exception {
                        org.wirecopy.io.SafeFiles.writeAtomically(java.nio.file.Path.of(args[0]), "x");
                    }
                }
                """);
        log = new java.io.StringWriter();
        compiled = javac.getTask(log, null, null, List.of("-d", work.resolve("out2").toString(),
                "--module-source-path", work.resolve("src2").toString(), "--module-path", jar + File.pathSeparator + mp,
                "--module", "sneaky"), null, null).call();
        assertTrue(!compiled && log.toString().contains("package org.wirecopy.io is not visible"), log.toString());
    }
}
