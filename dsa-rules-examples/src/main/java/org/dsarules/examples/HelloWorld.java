package org.dsarules.examples;

/** The JVM's own floor for the start-up benchmark: a bare hello-world run from the same jar. */
public final class HelloWorld {
    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
