package io.kisflow.code;

import io.kisflow.engine.CaaS;
import io.kisflow.engine.ConnInit;
import io.kisflow.engine.FaaS;
import io.kisflow.engine.Mode;
import io.kisflow.engine.Pool;
import io.kisflow.engine.TypedFaaS;

import java.util.Set;
import java.util.TreeSet;

/** A pool that only notes the names a plugin registers: which functions and connectors a source file provides. */
final class RegisteredNames implements Pool {
    final Set<String> functions = new TreeSet<>();
    final Set<String> connectors = new TreeSet<>();

    @Override
    public void faas(String funcName, FaaS f) {
        functions.add(funcName);
    }

    @Override
    public <T> void faas(String funcName, Class<T> rowType, TypedFaaS<T> f) {
        functions.add(funcName);
    }

    @Override
    public void caasInit(String connName, ConnInit i) {
        connectors.add(connName);
    }

    @Override
    public void caas(String connName, String funcName, Mode mode, CaaS c) {
        connectors.add(connName);
    }
}
