import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build tool of the distribution module (run by Maven, single-file source: {@code java -cp asm.jar
 * UpgradeClassFiles.java IN.jar OUT_DIR}): copies a jar's entries into a directory, rewriting its Java 5 class files
 * (version 49 and lower) as Java 6 class files (version 50) with stack map frames computed by ASM.
 *
 * <p>Why: picocli is compiled for Java 5, and the JVM's class-data sharing (AppCDS) refuses class files older than
 * version 50 ("Pre JDK 6 class not supported by CDS"), as well as every class that implements or extends one of them
 * (the CLI's commands, converters, version provider). Those ~180 classes were parsed and verified on every start of
 * {@code ./pgtestkit}. The code itself is unchanged; version 50 also keeps the JVM's fallback to the old verifier
 * should a computed frame ever be rejected.
 */
public final class UpgradeClassFiles {

    private static final int JAVA_6 = 50;

    private UpgradeClassFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: UpgradeClassFiles IN.jar OUT_DIR");
        }
        Path out = Path.of(args[1]);
        int upgraded = 0;
        int copied = 0;
        try (ZipFile jar = new ZipFile(args[0])) {
            for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || skipped(name)) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = jar.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (name.endsWith(".class") && new ClassReader(bytes).readUnsignedShort(6) < JAVA_6) {
                    bytes = upgrade(bytes);
                    upgraded++;
                } else {
                    copied++;
                }
                Path target = out.resolve(name).normalize();
                if (!target.startsWith(out)) {
                    throw new IOException("entry " + name + " of " + args[0] + " points outside " + out);
                }
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            }
        }
        System.out.println("UpgradeClassFiles: " + args[0] + ": " + upgraded + " class files upgraded to version "
                + JAVA_6 + ", " + copied + " entries copied, into " + out);
    }

    /** Module descriptors (the jar is shaded onto the class path), the manifest and signatures stay behind. */
    private static boolean skipped(String name) {
        return name.endsWith("module-info.class") || name.equals("META-INF/MANIFEST.MF")
                || name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)");
    }

    private static byte[] upgrade(byte[] bytes) {
        // COMPUTE_FRAMES also recomputes max stack and locals; getCommonSuperClass loads the classes (not
        // initialised) from this tool's class path, which holds the jar being upgraded.
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(JAVA_6, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }
}
