#!/usr/bin/env sh
# Builds the example plugin into ./build against the application jar (run `mvn -q -DskipTests package` first).
set -e
cd "$(dirname "$0")"
rm -rf build && mkdir -p build/META-INF/services
javac --release 17 -cp ../../target/kisflow-studio.jar -d build src/com/example/HelloPlugin.java
cp src/META-INF/services/io.kisflow.engine.KisPlugin build/META-INF/services/
echo "built $(pwd)/build; run it with:"
echo "  java -jar ../../target/kisflow-studio.jar run --conf conf --flow Hello --json --input people.jsonl --plugin build"
