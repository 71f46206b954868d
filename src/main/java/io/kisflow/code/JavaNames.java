package io.kisflow.code;

/**
 * How a function's name becomes the name of the class (and file) that holds its code: letters and
 * digits kept, the first letter upper-cased, anything else dropped ("stu-avg" gives StuAvg), a
 * leading digit prefixed with "F". The rule that ties a source file that does not compile to the
 * cards it would serve uses the same names.
 */
public final class JavaNames {
    private JavaNames() {
    }

    public static String className(String fname) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (int i = 0; i < fname.length(); i++) {
            char c = fname.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (b.length() == 0 || !Character.isLetter(b.charAt(0))) {
            b.insert(0, 'F');
        }
        return b.toString();
    }

    /** The project-relative file that holds a function's code by default: {@code functions/<ClassName>.java}. */
    public static String fileOf(String fname) {
        return FunctionSources.FOLDER + "/" + className(fname) + ".java";
    }

    /** The class name a source file is named for: "functions/StuAvg.java" gives "StuAvg". */
    public static String baseName(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
    }
}
