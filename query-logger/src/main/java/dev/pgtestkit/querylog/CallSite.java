package dev.pgtestkit.querylog;

import java.util.Objects;

/**
 * Where the application executed a statement: the first stack frame outside JDBC drivers, connection pools, ORMs,
 * the JDK and pgtestkit itself. Prints like a stack trace line: {@code com.acme.UserDao.find(UserDao.java:42)}.
 *
 * @param className  fully qualified class name, never null
 * @param methodName method name, never null
 * @param fileName   source file, or null when the class has no debug information
 * @param lineNumber line, or a negative number when unknown
 */
public record CallSite(String className, String methodName, String fileName, int lineNumber) {

    public CallSite {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
    }

    @Override
    public String toString() {
        String location = fileName == null ? "Unknown Source"
                : lineNumber >= 0 ? fileName + ":" + lineNumber : fileName;
        return className + "." + methodName + "(" + location + ")";
    }
}
