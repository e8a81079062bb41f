package dev.pgtestkit.core.internal;

/** Whether an optional dependency is there, asked by one of its class names (nothing of it is initialized). */
public final class ClassPath {

    private ClassPath() {
    }

    public static boolean has(String className) {
        try {
            Class.forName(className, false, ClassPath.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
