package org.wirecopy;

import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code ```java} block of the README compiles as written: its import lines become the imports of a class and
 * the rest the body of a method that may throw; nothing else is added (no import, no variable).
 */
class ReadmeSnippetsTest {

    static List<String> blocks(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?ms)^```java\\n(.*?)^```").matcher(markdown);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static String wrap(String block, String name) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            if (line.startsWith("import ")) imports.append(line).append('\n');
            else body.append(line).append('\n');
        }
        return imports + "class " + name + " {\n    void run() throws Exception {\n" + body + "    }\n}\n";
    }

    @Test
    void everyJavaBlockOfTheReadmeCompiles() throws Exception {
        String readme = Files.readString(TestData.root().resolve("README.md"), StandardCharsets.UTF_8);
        List<String> blocks = blocks(readme);
        assertTrue(blocks.size() >= 2, "the README's Java API section has at least two snippets, found "
                + blocks.size());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK is needed to compile the README's snippets");
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String name = "ReadmeSnippet" + i;
            String code = wrap(blocks.get(i), name);
            sources.add(new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return code;
                }
            });
        }
        Path out = Files.createTempDirectory("readme-snippets");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = compiler.getTask(null, null, diagnostics, List.of("-d", out.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"), null, sources).call();
        StringBuilder errors = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.append(d.getSource() == null ? "" : d.getSource().getName()).append(':')
                        .append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n');
            }
        }
        assertTrue(ok, "README snippets do not compile:\n" + errors);
        assertEquals("", errors.toString());
    }
}
