package io.kisflow;

public final class Launcher {
    public static void main(String[] args) {
        System.out.println("KisFlow Studio");
    }
}
