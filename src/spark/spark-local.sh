#!/usr/bin/env bash
# Runs org.wirecopy.spark.WirecopyJob on this machine without a Spark installation: plain java on the class path a
# spark-submit would give it (Spark 4.2's jars first, then wirecopy.jar and target/spark-lib, the jars shipped with
# --jars on a cluster, and nothing else), with the JVM options Spark 4 needs on Java 17. From the checkout, after
# mvn -q -DskipTests package:
#
#     src/spark/spark-local.sh --input training-data/test.jsonl --output target/spark-out --summary-by style
#
# Settings (environment variables):
#   MASTER=local[*]      the Spark master (local[2] for two cores)
#   DRIVER_MEMORY=2g     the JVM's heap (-Xmx); in local mode the executors run in it
#   JAVA_OPTS=           more JVM options, e.g. -Dspark.sql.shuffle.partitions=8
# The Spark class path is resolved once from the local Maven repository (mvn -o dependency:build-classpath of
# spark-sql_2.13 alone) into target/spark-classpath.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
MASTER=${MASTER:-local[*]}
DRIVER_MEMORY=${DRIVER_MEMORY:-2g}
JAVA_OPTS=${JAVA_OPTS:-}
JAR=$ROOT/target/wirecopy.jar
[ -f "$JAR" ] && [ -d "$ROOT/target/spark-lib" ] || { echo "no target/wirecopy.jar or target/spark-lib: run mvn -q -DskipTests package" >&2; exit 2; }
SPARK_VERSION=$(sed -n 's|.*<spark.version>\(.*\)</spark.version>.*|\1|p' pom.xml)
# the JVM options of pom.xml's spark.jvm.options (those spark-submit adds on Java 17)
read -ra SPARK_JVM <<< "$(sed -n 's|.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*|\1|p' pom.xml)"
CP_FILE=$ROOT/target/spark-classpath.txt
if [ ! -s "$CP_FILE" ]; then
    mkdir -p "$ROOT/target/spark-launcher"
    cat > "$ROOT/target/spark-launcher/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>org.wirecopy.local</groupId><artifactId>spark-classpath</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId>
    <version>$SPARK_VERSION</version></dependency></dependencies>
</project>
POM
    mvn -q -o -f "$ROOT/target/spark-launcher/pom.xml" dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >&2 \
        || mvn -q -f "$ROOT/target/spark-launcher/pom.xml" dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >&2
fi
# the application jar alone in a folder, as an executor receives it: its manifest's lib/ class path then finds
# nothing, and the class path is exactly Spark + wirecopy.jar + target/spark-lib (what --jars ships)
mkdir -p "$ROOT/target/spark-app"
cp -p "$JAR" "$ROOT/target/spark-app/wirecopy.jar"
read -ra EXTRA <<< "$JAVA_OPTS"
exec java -Xmx"$DRIVER_MEMORY" "${SPARK_JVM[@]}" -Dspark.master="$MASTER" -Dspark.ui.enabled=false \
    -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
    -Dlog4j2.configurationFile="$ROOT/src/spark/log4j2.properties" "${EXTRA[@]}" \
    -cp "$(cat "$CP_FILE"):$ROOT/target/spark-app/wirecopy.jar:$ROOT/target/spark-lib/*" org.wirecopy.spark.WirecopyJob "$@"
