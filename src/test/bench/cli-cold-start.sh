#!/usr/bin/env bash
# Cold start of the command line, side by side with a bare JVM printing "hello".
#
#   mvn -B -o -q -DskipTests package      # target/kisflow-studio.jar (+ .jsa unless -DskipCds)
#   src/test/bench/cli-cold-start.sh [ROUNDS]       # default 11 rounds
#
# Every round starts each variant once, in turn, in a fresh JVM, so a burst of load from other work
# on the machine hits all variants alike; the table gives the median of the rounds: wall time, CPU
# time (user + sys, less sensitive to a busy machine) and peak RSS (/usr/bin/time -v's "Maximum
# resident set size"). Ratios are against the bare JVM of the same Java, measured in the same rounds.
#
# Variants (those whose prerequisites are missing are skipped):
#   hello17        java -cp DIR Hello                                      (Java 17 baseline)
#   run17          java -jar target/kisflow-studio.jar run ...              (what `java -jar` users get)
#   run17-cds      the same with -XX:SharedArchiveFile=target/kisflow-studio.jsa (built by `package`)
#   run17-launcher the packaged CLI launcher's options (java-options in src/packaging/kisflow.properties)
#                  with a static archive made from target/kisflow-studio.classlist as postinst makes it
#   run17-launcher-c2  the same with C2 back on (-XX:TieredStopAtLevel=4 after the launcher's =1)
#   run17-readme   README's "Faster starts" line (the archive of `package`, the launcher's other options)
#   deb-kisflow, deb-bin-launcher   the installed .deb (when there is one): /usr/bin/kisflow (its start
#                  script, src/packaging/deb-bin) and jpackage's launcher in /opt/kisflow-studio/bin
#   hello25, run25, run25-aot   the same on Java 25 (JAVA25_HOME), the last with an AOT cache
#                               (JEP 483/514) trained on the sample here, into target/bench/
# Environment: JAVA (java 17), JAVA25_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), SKIP25=1.
set -euo pipefail
cd "$(dirname "$0")/../../.."

ROUNDS=${1:-11}
JAVA=${JAVA:-java}
JAVA25_HOME=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=target/kisflow-studio.jar
JSA=target/kisflow-studio.jsa
WORK=target/bench
# the packaged CLI launcher's JVM options, read from its jpackage properties, with a static archive
# made from the class list as the .deb's postinst makes it (src/packaging/linux/postinst)
STATIC_JSA=$WORK/kisflow-studio-static.jsa
LAUNCHER_OPTS=$(sed -n 's/^java-options=//p' src/packaging/kisflow.properties | sed "s|\$APPDIR/kisflow-studio.jsa|$STATIC_JSA|")
SAMPLE=(run --conf conf-samples --flow StuScore --json --input conf-samples/student-score/input.jsonl)

[ -f "$JAR" ] || { echo "no $JAR: run 'mvn -B -o -q -DskipTests package' first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
mkdir -p "$WORK/hello"
cat > "$WORK/hello/Hello.java" <<'EOF'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
EOF
"${JAVA%java}javac" --release 17 -d "$WORK/hello" "$WORK/hello/Hello.java" 2>/dev/null \
  || javac --release 17 -d "$WORK/hello" "$WORK/hello/Hello.java"

# name|command ... (one variant per entry; the command is word-split)
VARIANTS=()
VARIANTS+=("hello17|$JAVA -cp $WORK/hello Hello")
VARIANTS+=("run17|$JAVA -jar $JAR ${SAMPLE[*]}")
if [ -f "$JSA" ]; then
  VARIANTS+=("run17-cds|$JAVA -XX:SharedArchiveFile=$JSA -jar $JAR ${SAMPLE[*]}")
  if [ ! -f "$STATIC_JSA" ] || [ "$STATIC_JSA" -ot "$JAR" ]; then
    JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=target/kisflow-studio.classlist" \
      $JAVA $LAUNCHER_OPTS -jar $JAR >"$WORK/static-dump.log" 2>&1 || rm -f "$STATIC_JSA"
  fi
  [ -f "$STATIC_JSA" ] && VARIANTS+=("run17-launcher|$JAVA $LAUNCHER_OPTS -jar $JAR ${SAMPLE[*]}")
  # the same with C2 back on (the last -XX:TieredStopAtLevel wins): what the launcher ran before it chose C1 alone
  [ -f "$STATIC_JSA" ] && VARIANTS+=("run17-launcher-c2|$JAVA $LAUNCHER_OPTS -XX:TieredStopAtLevel=4 -jar $JAR ${SAMPLE[*]}")
fi
# README's "Faster starts" line, as a user copies it (the archive `package` wrote beside the jar)
README_OPTS="-XX:SharedArchiveFile=$JSA -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=warning:stderr"
[ -f "$JSA" ] && VARIANTS+=("run17-readme|$JAVA $README_OPTS -jar $JAR ${SAMPLE[*]}")
# the installed .deb, when there is one: /usr/bin/kisflow (its start script) and jpackage's own launcher
if [ -x /opt/kisflow-studio/lib/app/kisflow-cli ]; then
  VARIANTS+=("deb-kisflow|/usr/bin/kisflow ${SAMPLE[*]}")
  VARIANTS+=("deb-bin-launcher|/opt/kisflow-studio/bin/kisflow ${SAMPLE[*]}")
fi
J25="$JAVA25_HOME/bin/java"
if [ -z "${SKIP25:-}" ] && [ -x "$J25" ]; then
  AOT=$WORK/kisflow-studio-25.aot
  if [ ! -f "$AOT" ] || [ "$AOT" -ot "$JAR" ]; then
    # JEP 514 (JDK 25): one training run writes the cache when the JVM exits
    "$J25" -XX:AOTCacheOutput="$AOT" -jar "$JAR" "${SAMPLE[@]}" >/dev/null 2>"$WORK/aot-train.log" || rm -f "$AOT"
  fi
  VARIANTS+=("hello25|$J25 -cp $WORK/hello Hello")
  VARIANTS+=("run25|$J25 -jar $JAR ${SAMPLE[*]}")
  [ -f "$AOT" ] && VARIANTS+=("run25-aot|$J25 -XX:AOTCache=$AOT -jar $JAR ${SAMPLE[*]}")
fi

# the output must be the same in every variant: check once, outside the timings
expected=$("$JAVA" -jar "$JAR" "${SAMPLE[@]}")
for v in "${VARIANTS[@]}"; do
  name=${v%%|*}; cmd=${v#*|}
  [[ $name == hello* ]] && continue
  got=$($cmd 2>"$WORK/$name.err") || { echo "$name failed: $(cat "$WORK/$name.err")" >&2; exit 1; }
  [ "$got" = "$expected" ] || { echo "$name printed something else than run17" >&2; exit 1; }
  if [ -s "$WORK/$name.err" ]; then echo "$name warned: $(head -3 "$WORK/$name.err")" >&2; fi
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $ROUNDS rounds"
for v in "${VARIANTS[@]}"; do : > "$WORK/${v%%|*}.samples"; done
for ((r = 1; r <= ROUNDS; r++)); do
  for v in "${VARIANTS[@]}"; do
    name=${v%%|*}; cmd=${v#*|}
    t0=$(date +%s%N)
    /usr/bin/time -f '%U %S %M' -o "$WORK/time.out" $cmd >/dev/null 2>&1
    t1=$(date +%s%N)
    read -r user sys rss < "$WORK/time.out"
    # wall ms, cpu ms, peak RSS MB
    awk -v w=$(( (t1 - t0) / 1000000 )) -v u="$user" -v s="$sys" -v m="$rss" \
      'BEGIN { printf "%d %d %.1f\n", w, (u + s) * 1000, m / 1024 }' >> "$WORK/$name.samples"
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
printf '%-18s %9s %9s %9s %9s %12s\n' variant wall_ms x_hello cpu_ms x_hello peak_rss_MB
for v in "${VARIANTS[@]}"; do
  name=${v%%|*}
  wall=$(cut -d' ' -f1 "$WORK/$name.samples" | median)
  cpu=$(cut -d' ' -f2 "$WORK/$name.samples" | median)
  rss=$(cut -d' ' -f3 "$WORK/$name.samples" | median)
  base=hello17; [[ $name == *25* ]] && base=hello25; [[ $name == hello* ]] && base=$name
  bw=$(cut -d' ' -f1 "$WORK/$base.samples" | median)
  bc=$(cut -d' ' -f2 "$WORK/$base.samples" | median)
  awk -v n="$name" -v w="$wall" -v c="$cpu" -v m="$rss" -v bw="$bw" -v bc="$bc" \
    'BEGIN { printf "%-18s %9d %9.1f %9d %9.1f %12.1f\n", n, w, w / bw, c, (bc > 0 ? c / bc : 0), m }'
done
